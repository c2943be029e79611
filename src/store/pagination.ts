import { timingSafeEqual } from 'node:crypto';
import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { UserInputError } from '../errors.js';
import type { Db, Item } from './db.js';
import { ReadBudget } from './readBudget.js';
import { keyAttributesOf, type IndexName } from './tableDesign.js';

/**
 * Relay-style cursor pagination over a DynamoDB Query (never a Scan). A cursor is the position of
 * the last item returned, signed with the application secret and bound to the query it came from,
 * so it is opaque to callers and cannot be edited or replayed against another list.
 *
 * Every list reads within a budget (src/store/readBudget.ts): the request's own, shared by all its
 * fields, or a fresh default one per list. A filtered Query that reaches the budget stops there and
 * answers what it found, with `hasNextPage` and an `endCursor` at the last item it examined (so the
 * caller may go on, a budget at a time) and `stoppedAtReadBudget` set.
 */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** Items a filtered query examines per call, at least (see list). */
const FILTERED_CHUNK = 50;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** True when the read budget ran out before the page was full. */
  stoppedAtReadBudget?: boolean;
}

export interface ListQuery {
  index?: IndexName;
  keyCondition: string;
  names?: Record<string, string>;
  values: Record<string, unknown>;
  filter?: string;
  /** false for newest (or highest) first. */
  ascending: boolean;
}

/** Signs cursors: a keyed hash under the application secret (src/crypto/keyedHash.ts's KeyedHasher). */
export interface CursorSigner {
  hash(purpose: string, value: string): string;
}

export class Paginator {
  constructor(
    private readonly db: Db,
    private readonly hasher: CursorSigner,
  ) {}

  async list<T>(query: ListQuery, page: PageArgs, toNode: (item: Item) => T, budget: ReadBudget = new ReadBudget()): Promise<Connection<T>> {
    const size = pageSize(page.first);
    const scope = JSON.stringify([query.index ?? 'table', query.keyCondition, query.values]);
    const keyAttributes = keyAttributesOf(query.index);
    const { items, start, more, stopped } = await this.readWithin(query, size, page.after ? this.decode(page.after, scope) : undefined, budget);

    const cursorAt = (item: Record<string, unknown>) => this.encode(Object.fromEntries(keyAttributes.map((a) => [a, item[a]])), scope);
    const edges = items.slice(0, size).map((item) => ({ cursor: cursorAt(item), node: toNode(item) }));
    if (stopped && more && items.length <= size) {
      // Out of budget mid-way: go on from the last item examined, not the last one returned.
      return { edges, pageInfo: { hasNextPage: true, endCursor: start ? cursorAt(start) : (page.after ?? null) }, stoppedAtReadBudget: true };
    }
    const hasNextPage = items.length > size || (more && items.length === size);
    return { edges, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  /**
   * One list read from several partitions that share a sort key and order (a ranking kept in tiers:
   * src/pageRatings/ranking.ts), merged by that key. Each partition is read, within the budget, until
   * it has a page and one more (or ends); the cursor is the sort key of the last item returned, so
   * the next page reads each partition from just after it. When the budget stops a partition early,
   * the page ends where that partition's reading ended (nothing beyond it is known to be in order),
   * with `stoppedAtReadBudget` and a cursor there.
   */
  async merged<T>(
    queries: ListQuery[],
    sortKey: string,
    page: PageArgs,
    toNode: (item: Item) => T,
    budget: ReadBudget = new ReadBudget(),
  ): Promise<Connection<T>> {
    const size = pageSize(page.first);
    const ascending = queries[0]?.ascending ?? true;
    const scope = JSON.stringify(['merged', sortKey, queries.map((q) => [q.index ?? 'table', q.keyCondition, q.values, q.filter ?? null])]);
    const after = page.after ? (this.decode(page.after, scope) as { after?: unknown }).after : undefined;
    if (after !== undefined && typeof after !== 'string') throw badCursor();
    const before = (a: string, b: string) => (ascending ? a < b : a > b);
    const items: Item[] = [];
    // Where the earliest partition's reading stopped for want of budget (its last key examined, or the
    // cursor); nothingKnown when one stopped before reading anything on a first page.
    let horizon: string | undefined;
    let nothingKnown = false;
    let stopped = false;
    for (const [index, query] of queries.entries()) {
      // Each partition's fair share of what is left, so that one cannot starve the others: the page
      // then ends no later than every partition's reading, and each request makes progress.
      const quota = Math.max(1, Math.floor(budget.remaining / (queries.length - index)));
      const partition =
        after === undefined
          ? query
          : {
              ...query,
              keyCondition: `${query.keyCondition} AND #mergeSortKey ${ascending ? '>' : '<'} :mergeAfter`,
              names: { ...query.names, '#mergeSortKey': sortKey },
              values: { ...query.values, ':mergeAfter': after },
            };
      const read = await this.readWithin(partition, size, undefined, budget, quota);
      if (read.stopped) {
        stopped = true;
        const at = (read.start?.[sortKey] as string | undefined) ?? after;
        if (at === undefined) nothingKnown = true;
        else if (horizon === undefined || before(at, horizon)) horizon = at;
      }
      items.push(...read.items);
    }
    items.sort((a, b) => (before(a[sortKey] as string, b[sortKey] as string) ? -1 : 1));
    const cursorAt = (key: string) => this.encode({ after: key }, scope);
    if (stopped) {
      // Only what lies before the earliest place a partition stopped is known to be complete and in order.
      const known = nothingKnown ? [] : items.filter((item) => !before(horizon!, item[sortKey] as string));
      const edges = known.slice(0, size).map((item) => ({ cursor: cursorAt(item[sortKey] as string), node: toNode(item) }));
      if (known.length <= size) {
        const end = nothingKnown ? (page.after ?? null) : cursorAt(horizon!);
        return { edges, pageInfo: { hasNextPage: true, endCursor: end }, stoppedAtReadBudget: true };
      }
      return { edges, pageInfo: { hasNextPage: true, endCursor: edges.at(-1)!.cursor } };
    }
    const edges = items.slice(0, size).map((item) => ({ cursor: cursorAt(item[sortKey] as string), node: toNode(item) }));
    // Each partition read a page and one more (or all it had): more than a page in all means more to come.
    return { edges, pageInfo: { hasNextPage: items.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  private encode(key: Record<string, unknown>, scope: string): string {
    const payload = Buffer.from(JSON.stringify(key)).toString('base64url');
    return `${payload}.${this.hasher.hash('cursor', `${scope}\0${payload}`).slice(0, 22)}`;
  }

  private decode(cursor: string, scope: string): Record<string, unknown> {
    const [payload, signature] = cursor.split('.');
    if (payload && signature && sameText(signature, this.hasher.hash('cursor', `${scope}\0${payload}`).slice(0, 22))) {
      try {
        return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
      } catch {
        // falls through to the error below
      }
    }
    throw badCursor();
  }

  /**
   * Reads one partition from `from` within the budget (and, when given, a quota of items examined)
   * until it has a page and one more, or ends: the one loop both kinds of list read with. A filter may
   * drop most of what is read, so a filtered read takes several pages' worth per call (not the whole
   * budget: other fields share it). `stopped` when the budget (or quota) ran out first; `start` is
   * where reading would go on.
   */
  private async readWithin(query: ListQuery, size: number, from: Record<string, unknown> | undefined, budget: ReadBudget, quota = Number.POSITIVE_INFINITY) {
    const items: Item[] = [];
    let start = from;
    // Unknown until the first read: a list the budget cannot even start says so (stoppedAtReadBudget), never "empty".
    let more = true;
    let stopped = false;
    let left = quota;
    do {
      const wanted = Math.min(left, query.filter ? Math.max(FILTERED_CHUNK, 4 * (size + 1)) : size + 1 - items.length);
      const allowance = wanted > 0 ? budget.take(wanted) : 0;
      if (allowance <= 0) {
        stopped = true;
        if (wanted > 0) budget.exhausted = true;
        break;
      }
      const input: Omit<QueryCommandInput, 'TableName'> = {
        IndexName: query.index,
        KeyConditionExpression: query.keyCondition,
        ExpressionAttributeNames: query.names,
        ExpressionAttributeValues: query.values,
        FilterExpression: query.filter,
        ScanIndexForward: query.ascending,
        ExclusiveStartKey: start,
        Limit: allowance,
      };
      const out = await this.db.query(input);
      const examined = out.ScannedCount ?? out.Items?.length ?? 0;
      budget.refund(allowance - examined);
      left -= examined;
      items.push(...((out.Items ?? []) as Item[]));
      start = out.LastEvaluatedKey;
      more = start !== undefined;
    } while (items.length <= size && more);
    return { items, start, more, stopped };
  }
}

const badCursor = () =>
  new UserInputError([{ field: ['after'], message: 'This cursor is not one this list gave out: start again without `after`.', code: 'INVALID' }]);

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new UserInputError([
      { field: ['first'], message: `Ask for between 1 and ${MAX_PAGE_SIZE} items at a time.`, code: 'OUT_OF_RANGE' },
    ]);
  }
  return first;
}

/** Compares two signatures in constant time. */
function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
