/**
 * The table's change stream, as the outbox's delivery consumer sees it. These are the shapes of
 * src/streams/tableChange.ts (the integrator's), restated here until that module is merged; the
 * consumer is checked against them structurally.
 */
export interface TableChange {
  id: string;
  kind: 'INSERT' | 'MODIFY' | 'REMOVE';
  pk: string;
  sk: string;
  newItem?: Record<string, unknown>;
  oldItem?: Record<string, unknown>;
}

export interface ChangeConsumer {
  name: string;
  wants(change: TableChange): boolean;
  handle(changes: TableChange[]): Promise<void>;
}
