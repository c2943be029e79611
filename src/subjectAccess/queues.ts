import type { HolidayCalendar } from '../calendar/holidays.js';
import { dueRanges, type IndexEntry } from '../cases/caseIndex.js';
import type { SubjectAccessQueue } from '../generated/graphql.js';
import { queues } from '../store/keys.js';
import type { SarRecord } from './model.js';
import { clockOf, statusOf } from './status.js';

/** Which information-rights queues a request is in, derived from its state. */
const q = queues.subjectAccess;

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
    handler: r.handler,
    dueOn: clockOf(calendar, r).dueOn,
  };
}

export function sarQueueQuery(
  request: { queue: SubjectAccessQueue; withinDays: number; status?: string | null; handler: string },
  today: string,
) {
  switch (request.queue) {
    case 'AWAITING_IDENTITY':
      return { queue: q('AWAITING_IDENTITY'), range: {} };
    case 'UNALLOCATED':
      return { queue: q('UNALLOCATED'), range: {} };
    case 'DUE_SOON':
      return { queue: q('DUE'), range: dueRanges.dueWithin(today, request.withinDays) };
    case 'OVERDUE':
      return { queue: q('DUE'), range: dueRanges.overdue(today) };
    case 'BY_STATUS':
      return { queue: q(`STATUS#${request.status}`), range: {} };
    case 'BY_HANDLER':
      return { queue: q(`HANDLER#${request.handler}`), range: {} };
  }
}
