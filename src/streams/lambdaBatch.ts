import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import type { Logger } from '../logging/logger.js';
import { dispatchChanges } from './dispatch.js';
import { toTableChange } from './streamRecords.js';
import type { ChangeConsumer, TableChange } from './tableChange.js';

/**
 * A batch of the table's stream, as Lambda delivers it, run through the consumers. A failing batch
 * is reported as failed from its first record (ReportBatchItemFailures): Lambda retries it with
 * back-off, bisecting, and finally sends it to the on-failure queue. Consumers are idempotent, so
 * records that had already been handled are safe to handle again.
 */
export function createStreamBatchHandler(consumers: ChangeConsumer[], logger: Logger) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const changes = event.Records.map((record) => toTableChange(record)).filter((c): c is TableChange => c !== undefined);
    try {
      await dispatchChanges(changes, consumers, logger);
      return { batchItemFailures: [] };
    } catch {
      const first = event.Records[0]?.dynamodb?.SequenceNumber;
      return { batchItemFailures: first ? [{ itemIdentifier: first }] : [] };
    }
  };
}
