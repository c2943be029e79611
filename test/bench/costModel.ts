/**
 * The cost model behind `costPerMillionVsAppSync`: prices and assumptions as a table, so that
 * anyone can check or change them. Prices are AWS's published on-demand list prices in US dollars
 * (us-east-1, November 2026 price pages; London, eu-west-2, is a few per cent dearer on every line,
 * which does not change the ratio much). Free tiers are ignored.
 */
export const prices = {
  /**
   * CloudFront HTTPS requests, per million, at European edge locations (the force's public is in
   * the UK): $0.0120 per 10,000. Pay-as-you-go; the flat-rate plans (from $15 a month for 10
   * million requests, WAF included) are no cheaper at a million a month.
   */
  cloudFrontHttpsRequestsPerMillion: 1.2,
  /** AWS WAF, per million requests inspected (the web ACL's and rules' monthly fees aside: the same for both builds). */
  wafRequestsPerMillion: 0.6,
  /** API Gateway HTTP API, per million requests (first 300 million a month). */
  httpApiPerMillion: 1.0,
  /** Lambda requests, per million. */
  lambdaRequestsPerMillion: 0.2,
  /** Lambda duration, per GB-second, arm64. */
  lambdaArmPerGbSecond: 0.0000133334,
  /** DynamoDB on-demand write request units, per million (after the November 2024 halving). */
  dynamoWriteUnitsPerMillion: 0.625,
  /** DynamoDB on-demand read request units, per million. */
  dynamoReadUnitsPerMillion: 0.125,
  /** AppSync queries and mutations, per million. */
  appSyncRequestsPerMillion: 4.0,
} as const;

export const assumptions = {
  /** The API function's memory (infra/apiFunction.ts). */
  lambdaMemoryGb: 1,
  /** The stream function's memory (infra/tableStream.ts). */
  streamLambdaMemoryGb: 0.5,
  /**
   * The traffic the stream consumer's units are MEASURED with (the bench, `writeUnitsPerPageRating`):
   * 1,000 bare ratings over 50 pages (about 20 a page), stored first and then counted through the
   * real consumers in the stream function's batches of 100 (infra/tableStream.ts `batchSize`). Full
   * batches are the stream's best case: at a trickle (one rating a batch, the 1 s window) each
   * rating pays its page's whole ranking recompute alone. Stream reads by a Lambda trigger are free.
   */
  streamTraffic: { ratings: 1000, pages: 50, batchSize: 100 },
  /**
   * The AppSync build: the same schema with JavaScript resolvers writing the same DynamoDB items in
   * the same single write or transaction (so the same write units), no Lambda and no API Gateway: AppSync's request
   * price instead. Its ranking would need the same stream consumer, so that is counted for both.
   */
  appSyncSameDynamoWork: true,
  /**
   * Both builds sit behind AWS WAF (managed rules and a per-address rate limit; bare ratings have
   * no other limit: infra/edge.ts). AppSync takes a web ACL directly; an HTTP API cannot, so ours
   * carries it on a CloudFront distribution, and every public request pays CloudFront too.
   */
  edge: { oursWafOn: 'CloudFront in front of the HTTP API', appSyncWafOn: 'the AppSync API itself' },
} as const;

export interface SubmissionCost {
  ours: number;
  appSync: number;
  ratio: number;
  /** The ratio were every DynamoDB write and read, request and stream, free: what the architecture alone gives. */
  ratioWithoutDynamo: number;
  lines: Record<string, number>;
}

/** What the table stream's consumers spend per rating: measured by the bench (see assumptions.streamTraffic). */
export interface StreamWork {
  writeUnitsPerRating: number;
  readUnitsPerRating: number;
  invocationsPerRating: number;
  msPerInvocation: number;
}

/** Dollars per million public page ratings, ours and the AppSync build's, from measured write units, duration and stream work. */
export function costPerMillion(writeUnitsPerRating: number, handlerMsP50: number, streamWork: StreamWork): SubmissionCost {
  const dynamo = writeUnitsPerRating * prices.dynamoWriteUnitsPerMillion;
  const stream =
    streamWork.writeUnitsPerRating * prices.dynamoWriteUnitsPerMillion +
    streamWork.readUnitsPerRating * prices.dynamoReadUnitsPerMillion +
    streamWork.invocationsPerRating * (prices.lambdaRequestsPerMillion + (streamWork.msPerInvocation / 1000) * assumptions.streamLambdaMemoryGb * prices.lambdaArmPerGbSecond * 1e6);
  const lambda = prices.lambdaRequestsPerMillion + (handlerMsP50 / 1000) * assumptions.lambdaMemoryGb * prices.lambdaArmPerGbSecond * 1e6;
  const streamDynamo = streamWork.writeUnitsPerRating * prices.dynamoWriteUnitsPerMillion + streamWork.readUnitsPerRating * prices.dynamoReadUnitsPerMillion;
  const oursEdge = prices.cloudFrontHttpsRequestsPerMillion + prices.wafRequestsPerMillion;
  const appSyncEdge = prices.wafRequestsPerMillion;
  const ours = oursEdge + prices.httpApiPerMillion + lambda + dynamo + stream;
  const appSync = appSyncEdge + prices.appSyncRequestsPerMillion + dynamo + stream;
  const withoutDynamo = (total: number) => total - dynamo - streamDynamo;
  return {
    ours,
    appSync,
    ratio: ours / appSync,
    ratioWithoutDynamo: withoutDynamo(ours) / withoutDynamo(appSync),
    lines: { cloudFront: prices.cloudFrontHttpsRequestsPerMillion, waf: prices.wafRequestsPerMillion, httpApi: prices.httpApiPerMillion, lambda, dynamo, stream, appSyncRequests: prices.appSyncRequestsPerMillion },
  };
}
