/**
 * The cost model behind `costPerMillionVsAppSync`: prices and assumptions as a table, so that
 * anyone can check or change them. Prices are AWS's published on-demand list prices in US dollars
 * (us-east-1, November 2026 price pages; London, eu-west-2, is a few per cent dearer on every line,
 * which does not change the ratio much). Free tiers are ignored.
 */
export const prices = {
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
} as const;

export interface SubmissionCost {
  ours: number;
  appSync: number;
  ratio: number;
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
  const ours = prices.httpApiPerMillion + lambda + dynamo + stream;
  const appSync = prices.appSyncRequestsPerMillion + dynamo + stream;
  return { ours, appSync, ratio: ours / appSync, lines: { httpApi: prices.httpApiPerMillion, lambda, dynamo, stream, appSyncRequests: prices.appSyncRequestsPerMillion } };
}
