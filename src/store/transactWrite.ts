import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Db, TransactItem } from './db.js';

/**
 * One conditional write of several items (TransactWriteItems), retried with jittered exponential
 * back-off while DynamoDB cancels it for a conflict with another transaction on the same items
 * (TransactionConflict; nothing was written). It never throws for a condition or a conflict:
 *
 * - `ok`: written;
 * - `refused`: a condition failed; `reasons[i]` says why item i failed (undefined: it did not);
 * - `busy`: still conflicting after every attempt. Nothing was written: the caller may say "try
 *   again" (a retry with the same idempotency key is safe).
 */
export type WriteOutcome = { ok: true } | { ok: false; refused: true; reasons: Array<string | undefined> } | { ok: false; busy: true };

export interface BackOff {
  attempts: number;
  /** The first wait's ceiling; each later one doubles, up to capMs ("full jitter": a random wait below the ceiling). */
  baseMs: number;
  capMs: number;
}

export const defaultBackOff: BackOff = { attempts: 8, baseMs: 15, capMs: 800 };

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function transactWithBackOff(db: Db, items: TransactItem[], backOff: BackOff = defaultBackOff): Promise<WriteOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db.doc.send(new TransactWriteCommand({ TransactItems: items }));
      return { ok: true };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = (error.CancellationReasons ?? []).map((r) => (r.Code === 'None' ? undefined : r.Code));
      if (reasons.includes('ConditionalCheckFailed')) return { ok: false, refused: true, reasons };
      const retriable = reasons.length === 0 || reasons.every((r) => r === undefined || r === 'TransactionConflict' || r === 'ThrottlingError');
      if (!retriable) throw error;
      if (attempt >= backOff.attempts) return { ok: false, busy: true };
      db.onConflictRetry();
      await wait(Math.random() * Math.min(backOff.capMs, backOff.baseMs * 2 ** (attempt - 1)));
    }
  }
}
