import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { Db } from '../../src/store/db.js';

/**
 * DynamoDB Local never cancels a transaction for a conflict, so this is the one place a stand-in
 * for the client is used: to check what our code does with the answers real DynamoDB gives.
 */
function clientAnswering(answers: Array<'ok' | string[]>) {
  let calls = 0;
  const doc = {
    send: async () => {
      const answer = answers[Math.min(calls++, answers.length - 1)]!;
      if (answer === 'ok') return {};
      throw new TransactionCanceledException({
        message: 'cancelled',
        $metadata: {},
        CancellationReasons: answer.map((Code) => ({ Code })),
      });
    },
  } as unknown as DynamoDBDocumentClient;
  return { db: new Db(doc, 't'), calls: () => calls };
}

describe('Db.transact', () => {
  it('runs again after a conflict with another transaction', async () => {
    const { db, calls } = clientAnswering([['TransactionConflict', 'None'], ['None', 'TransactionConflict'], 'ok']);
    await expect(db.transact([])).resolves.toEqual({ ok: true });
    expect(calls()).toBe(3);
  });

  it('gives up on conflicts after four tries, with the error', async () => {
    const { db, calls } = clientAnswering([['TransactionConflict']]);
    await expect(db.transact([])).rejects.toBeInstanceOf(TransactionCanceledException);
    expect(calls()).toBe(4);
  });

  it('reports a failed condition at once, with which item failed', async () => {
    const { db, calls } = clientAnswering([['None', 'ConditionalCheckFailed']]);
    await expect(db.transact([])).resolves.toEqual({ ok: false, reasons: [undefined, 'ConditionalCheckFailed'] });
    expect(calls()).toBe(1);
  });

  it('does not hide other cancellations', async () => {
    const { db } = clientAnswering([['ValidationError']]);
    await expect(db.transact([])).rejects.toBeInstanceOf(TransactionCanceledException);
  });
});
