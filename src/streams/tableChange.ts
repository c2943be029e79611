/**
 * One change to the table, as its stream tells it (DynamoDB Streams, NEW_AND_OLD_IMAGES), with the
 * item images already turned into plain values. Consumers of the stream see only this shape, so the
 * same consumer runs in Lambda (src/streamHandler.ts) and locally (src/local/streamPoller.ts).
 */
export interface TableChange {
  /** The stream record's eventID: unique per change, stable under redelivery. */
  id: string;
  kind: 'INSERT' | 'MODIFY' | 'REMOVE';
  pk: string;
  sk: string;
  newItem?: Record<string, unknown>;
  oldItem?: Record<string, unknown>;
}

/**
 * Something done after a change has been committed: delivering a message, maintaining a ranking.
 * Records can be delivered more than once (Lambda retries a failed batch; a local poller restarts),
 * so `handle` must be idempotent.
 */
export interface ChangeConsumer {
  /** Stable name, for logs and metrics. */
  name: string;
  /** A cheap filter on the change (its keys or item kind); no reads. */
  wants(change: TableChange): boolean;
  /** Handles the wanted changes of one batch, in stream order. Throwing fails the batch (it is retried). */
  handle(changes: TableChange[]): Promise<void>;
}
