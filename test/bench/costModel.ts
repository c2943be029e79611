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
  /**
   * The stream consumer's work per rating, amortised: one recompute (two small Queries, a month
   * item and a few tier entries) per page per batch; with batches of ~10 ratings of a page, about
   * this many write and read units per rating. Stream reads by a Lambda trigger are free.
   */
  streamWriteUnitsPerRating: 0.6,
  streamReadUnitsPerRating: 0.4,
  /** The stream function's invocations per rating (batches of up to 100 records), and its duration. */
  streamInvocationsPerRating: 0.05,
  streamMsPerInvocation: 50,
  /**
   * The AppSync build: the same schema with JavaScript resolvers writing the same DynamoDB items in
   * the same transaction (so the same write units), no Lambda and no API Gateway: AppSync's request
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

/** Dollars per million public page ratings, ours and the AppSync build's, from measured write units and duration. */
export function costPerMillion(writeUnitsPerRating: number, handlerMsP50: number): SubmissionCost {
  const dynamo = writeUnitsPerRating * prices.dynamoWriteUnitsPerMillion;
  const stream =
    assumptions.streamWriteUnitsPerRating * prices.dynamoWriteUnitsPerMillion +
    assumptions.streamReadUnitsPerRating * prices.dynamoReadUnitsPerMillion +
    assumptions.streamInvocationsPerRating * (prices.lambdaRequestsPerMillion + (assumptions.streamMsPerInvocation / 1000) * assumptions.lambdaMemoryGb * prices.lambdaArmPerGbSecond * 1e6);
  const lambda = prices.lambdaRequestsPerMillion + (handlerMsP50 / 1000) * assumptions.lambdaMemoryGb * prices.lambdaArmPerGbSecond * 1e6;
  const ours = prices.httpApiPerMillion + lambda + dynamo + stream;
  const appSync = prices.appSyncRequestsPerMillion + dynamo + stream;
  return { ours, appSync, ratio: ours / appSync, lines: { httpApi: prices.httpApiPerMillion, lambda, dynamo, stream, appSyncRequests: prices.appSyncRequestsPerMillion } };
}
