import { addDays } from '../calendar/londonDate.js';
import type { Db, Item, TransactItem } from '../store/db.js';
import { keys } from '../store/keys.js';
import type { Connection, PageArgs, Paginator } from '../store/pagination.js';
import type { ReadBudget } from '../store/readBudget.js';
import type { IndexEntry } from './contract.js';

/**
 * Work queues without scans, for any case type. A case's queue memberships are derived from its
 * state (a pure function per case type gives its entries); each entry is a small item, sorted by
 * the queue's key, carrying only what a queue shows. When a case changes, the entries it leaves are
 * deleted and the entries it has are written, in the same transaction as the change: a queue is
 * never out of step with its cases.
 */
export type { IndexEntry } from './contract.js';

export function indexKey(entry: IndexEntry, reference: string) {
  return keys.queueEntry(entry.queue, entry.sortKey, reference);
}

/** The deletes and puts that move a case's entries from `before` to `after`. */
export function indexChanges(db: Db, reference: string, before: IndexEntry[], after: IndexEntry[], summary: Item): TransactItem[] {
  const id = (e: IndexEntry) => `${e.queue}\0${e.sortKey}`;
  const keep = new Set(after.map(id));
  return [
    ...before.filter((e) => !keep.has(id(e))).map((e) => db.deleteItem(indexKey(e, reference))),
    ...after.map((e) => db.put({ ...indexKey(e, reference), kind: 'INDEX_ENTRY', queue: e.queue, sortKey: e.sortKey, ...summary })),
  ];
}

/** One queue, a page at a time, optionally between two sort keys (inclusive) and filtered. */
export function listQueue<T>(
  paginator: Paginator,
  queue: string,
  range: { from?: string; to?: string },
  ascending: boolean,
  page: PageArgs,
  toNode: (item: Item) => T,
  filter?: { expression: string; names?: Record<string, string>; values: Record<string, unknown> },
  budget?: ReadBudget,
): Promise<Connection<T>> {
  const values: Record<string, unknown> = { ':pk': keys.queuePartition(queue) };
  let condition = 'pk = :pk';
  if (range.from !== undefined && range.to !== undefined) {
    condition += ' AND sk BETWEEN :from AND :to';
    Object.assign(values, { ':from': range.from, ':to': `${range.to}\uffff` });
  } else if (range.from !== undefined) {
    condition += ' AND sk >= :from';
    values[':from'] = range.from;
  } else if (range.to !== undefined) {
    condition += ' AND sk <= :to';
    values[':to'] = `${range.to}\uffff`;
  }
  return paginator.list(
    {
      keyCondition: condition,
      values: { ...values, ...filter?.values },
      names: filter?.names,
      filter: filter?.expression,
      ascending,
    },
    page,
    toNode,
    budget,
  );
}

/** Queues sorted by due date: what falls due from today to `days` ahead, and what is already past due. */
export const dueRanges = {
  dueWithin: (today: string, days: number) => ({ from: today, to: addDays(today, days) }),
  overdue: (today: string) => ({ to: addDays(today, -1) }),
};
