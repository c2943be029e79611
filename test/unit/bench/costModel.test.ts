import { describe, expect, it } from 'vitest';
import { costPerMillion, prices } from '../../bench/costModel.js';

/** The bench's cost model (test/bench/costModel.ts): what each build pays for, line by line. */
describe('costPerMillion', () => {
  const noStream = { writeUnitsPerRating: 0, readUnitsPerRating: 0, invocationsPerRating: 0, msPerInvocation: 0 };

  it('charges ours the edge it needs (CloudFront carrying WAF) and AppSync only WAF, which attaches to it directly', () => {
    const cost = costPerMillion(0, 0, noStream);
    expect(cost.lines.cloudFront).toBe(prices.cloudFrontHttpsRequestsPerMillion);
    expect(cost.ours).toBeCloseTo(prices.cloudFrontHttpsRequestsPerMillion + prices.wafRequestsPerMillion + prices.httpApiPerMillion + prices.lambdaRequestsPerMillion, 6);
    expect(cost.appSync).toBeCloseTo(prices.wafRequestsPerMillion + prices.appSyncRequestsPerMillion, 6);
  });

  it('charges both builds the same DynamoDB and stream work, so it narrows the ratio but never decides it', () => {
    const stream = { writeUnitsPerRating: 4, readUnitsPerRating: 1, invocationsPerRating: 0.01, msPerInvocation: 100 };
    const cost = costPerMillion(1, 7, stream);
    const dynamo = prices.dynamoWriteUnitsPerMillion + 4 * prices.dynamoWriteUnitsPerMillion + prices.dynamoReadUnitsPerMillion;
    expect(cost.appSync - costPerMillion(0, 7, { ...stream, writeUnitsPerRating: 0, readUnitsPerRating: 0 }).appSync).toBeCloseTo(dynamo, 6);
    expect(cost.ours - cost.appSync).toBeCloseTo(costPerMillion(0, 7, { ...stream, writeUnitsPerRating: 0, readUnitsPerRating: 0 }).ours - costPerMillion(0, 7, { ...stream, writeUnitsPerRating: 0, readUnitsPerRating: 0 }).appSync, 6);
  });

  it('gives the ratio were every DynamoDB unit free: the architecture alone, above 0.5 at these prices', () => {
    const cost = costPerMillion(1, 7, { writeUnitsPerRating: 4, readUnitsPerRating: 1, invocationsPerRating: 0.01, msPerInvocation: 100 });
    const free = costPerMillion(0, 7, { writeUnitsPerRating: 0, readUnitsPerRating: 0, invocationsPerRating: 0.01, msPerInvocation: 100 });
    expect(cost.ratioWithoutDynamo).toBeCloseTo(free.ratio, 6);
    expect(cost.ratioWithoutDynamo).toBeGreaterThan(0.5);
    expect(cost.ratio).toBeGreaterThan(cost.ratioWithoutDynamo);
  });
});
