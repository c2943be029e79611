import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { Db } from '../../src/store/db.js';

/**
 * DynamoDB Local never cancels a transaction for a conflict, so the retry it causes in AWS is
 * driven here by a client that answers as DynamoDB does (the SDK's own exception, then success).
 */
describe('a transaction cancelled by a conflict', () => {
  it('is run again, and each retry is reported (the ConflictRetries metric)', async () => {
    let calls = 0;
    const doc = {
      send: async () => {
        calls++;
        if (calls <= 2) {
          throw new TransactionCanceledException({ $metadata: {}, message: 'cancelled', CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }] });
        }
        return {};
      },
    } as unknown as DynamoDBDocumentClient;
    let retries = 0;
    const db = new Db(doc, 'table', () => retries++);
    expect(await db.transact([db.put({ pk: 'a', sk: 'b' })])).toEqual({ ok: true });
    expect(calls).toBe(3);
    expect(retries).toBe(2);
  });
});
