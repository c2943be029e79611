import { handlerFilter } from '../validation/common.js';
import * as z from 'zod';
import type { HolidayCalendar } from '../calendar/holidays.js';
import { londonDateOf } from '../calendar/londonDate.js';
import { dueRanges, type IndexEntry } from '../cases/caseIndex.js';
import type { QueueQuery } from '../cases/contract.js';
import type { SubjectAccessQueue, SubjectAccessQueueInput, SubjectAccessStatus } from '../generated/graphql.js';
import { parseQueryInput } from '../validation/parse.js';
import type { SarRecord } from './model.js';
import { clockOf, statusOf } from './status.js';

/** Which information-rights queues a request is in, derived from its state. */
const q = (name: string) => `SAR#${name}`;

export function sarQueueEntries(calendar: HolidayCalendar, r: SarRecord): IndexEntry[] {
  const received = `${r.receivedOn}#${r.receivedAt}`;
  const status = statusOf(calendar, r);
  const { dueOn } = clockOf(calendar, r);
  const open = !['RESPONDED', 'CLOSED', 'WITHDRAWN'].includes(status);
  const entries: IndexEntry[] = [{ queue: q(`STATUS#${status}`), sortKey: received }];
  if (status === 'AWAITING_IDENTITY') entries.push({ queue: q('AWAITING_IDENTITY'), sortKey: received });
  if (open && !r.handler) entries.push({ queue: q('UNALLOCATED'), sortKey: received });
  if (open && dueOn) entries.push({ queue: q('DUE'), sortKey: `${dueOn}#${r.receivedAt}` });
  if (open && r.handler) entries.push({ queue: q(`HANDLER#${r.handler}`), sortKey: `${dueOn ?? '9999-12-31'}#${r.receivedAt}` });
  return entries;
}

export function sarQueueSummary(calendar: HolidayCalendar, r: SarRecord) {
  return {
    reference: r.reference,
    status: statusOf(calendar, r),
    receivedAt: r.receivedAt,
    receivedOn: r.receivedOn,
    handler: r.handler,
    dueOn: clockOf(calendar, r).dueOn,
  };
}

export function sarQueueQuery(
  request: { queue: SubjectAccessQueue; withinDays: number; status?: string | null; handler: string },
  today: string,
): QueueQuery {
  const query = (queue: string, range: QueueQuery['range'] = {}) => ({ queue: q(queue), range, ascending: true });
  switch (request.queue) {
    case 'AWAITING_IDENTITY':
      return query('AWAITING_IDENTITY');
    case 'UNALLOCATED':
      return query('UNALLOCATED');
    case 'DUE_SOON':
      return query('DUE', dueRanges.dueWithin(today, request.withinDays));
    case 'OVERDUE':
      return query('DUE', dueRanges.overdue(today));
    case 'BY_STATUS':
      return query(`STATUS#${request.status}`);
    case 'BY_HANDLER':
      return query(`HANDLER#${request.handler}`);
  }
}

const queueInput = z
  .object({
    queue: z.string(),
    withinDays: z.number().int().min(1, 'Look 1 to 90 days ahead.').max(90, 'Look 1 to 90 days ahead.').nullish(),
    status: z.string().nullish(),
    handler: handlerFilter,
  })
  .refine((v) => v.queue !== 'BY_STATUS' || v.status, { message: 'Give the status to list.', path: ['status'] });

/** A queue request, checked (throws UserInputError); the caseload defaults to the caller's own. */
export function sarQueueRequest(input: SubjectAccessQueueInput, today: string, callerName: string): QueueQuery {
  const valid = parseQueryInput(queueInput, input);
  return sarQueueQuery({ queue: input.queue, withinDays: valid.withinDays ?? 7, status: valid.status, handler: valid.handler || callerName }, today);
}

/** A queue row, from an entry's summary. */
export function sarQueueRow(item: Record<string, unknown>) {
  return {
    reference: item.reference as string,
    status: item.status as SubjectAccessStatus,
    receivedAt: item.receivedAt as string,
    // Rows written before the summary carried receivedOn fall back to the day the request was stored.
    receivedOn: (item.receivedOn as string | undefined) ?? londonDateOf(new Date(item.receivedAt as string)),
    handler: (item.handler as string | null) ?? null,
    dueOn: (item.dueOn as string | null) ?? null,
  };
}
