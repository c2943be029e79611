import type { Logger } from '../logging/logger.js';
import type { ChangeConsumer, TableChange } from './tableChange.js';

/** A consumer failed: the batch must be retried (from its first change, so consumers must be idempotent). */
export class ChangeBatchFailed extends Error {
  constructor(
    readonly consumer: string,
    override readonly cause: unknown,
  ) {
    super(`stream consumer ${consumer} failed`);
    this.name = 'ChangeBatchFailed';
  }
}

/**
 * Gives each consumer the changes of a batch that it wants, in stream order. Every consumer is
 * tried even when an earlier one fails (so one failing consumer does not hold back the others'
 * work more than a retry does); then the first failure is thrown.
 */
export async function dispatchChanges(changes: TableChange[], consumers: ChangeConsumer[], logger: Logger): Promise<void> {
  let failure: ChangeBatchFailed | undefined;
  for (const consumer of consumers) {
    const wanted = changes.filter((change) => consumer.wants(change));
    if (wanted.length === 0) continue;
    try {
      await consumer.handle(wanted);
    } catch (error) {
      logger.error('stream consumer failed', {
        consumer: consumer.name,
        changes: wanted.length,
        errorName: error instanceof Error ? error.name : 'unknown',
      });
      failure ??= new ChangeBatchFailed(consumer.name, error);
    }
  }
  if (failure) throw failure;
}
