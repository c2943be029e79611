import { addCalendarMonths } from '../calendar/londonDate.js';
import type { IndexEntry } from '../cases/caseIndex.js';
import type { ComplaintQueue } from '../generated/graphql.js';
import { queues } from '../store/keys.js';
import { isOpen, type ComplaintRecord } from './model.js';

/**
 * Which Professional Standards queues a complaint is in, derived from its state. Each queue is
 * ordered by a date, so that "oldest first", "no contact for a month" and "review window still
 * open" are key ranges.
 */
const q = queues.complaint;

export function complaintQueueEntries(c: ComplaintRecord): IndexEntry[] {
  // London date first, so that a range of days is a key range; the instant keeps arrival order.
  const received = `${c.receivedOn}#${c.receivedAt}`;
  const entries: IndexEntry[] = [
    { queue: q('RECEIVED'), sortKey: received },
    { queue: q(`STATUS#${c.status}`), sortKey: received },
    ...[...new Set(c.allegations.map((a) => a.category))].map((category) => ({ queue: q(`CATEGORY#${category}`), sortKey: received })),
  ];
  if (!c.handler && c.status === 'RECEIVED') entries.push({ queue: q('UNALLOCATED'), sortKey: received });
  if (isOpen(c)) {
    if (c.handler) entries.push({ queue: q(`HANDLER#${c.handler}`), sortKey: received });
    if (c.contacts.length === 0) entries.push({ queue: q('AWAITING_FIRST_CONTACT'), sortKey: received });
    if (c.status !== 'FINALISED') entries.push({ queue: q('LAST_CONTACT'), sortKey: c.contacts.at(-1)?.contactedOn ?? c.receivedOn });
  }
  if (c.status === 'LOCAL_RESOLUTION') entries.push({ queue: q('LOCAL_RESOLUTION'), sortKey: received });
  if (c.status === 'FINALISED') entries.push({ queue: q('REVIEW_WINDOW'), sortKey: c.outcome!.reviewWindowClosesOn });
  return entries;
}

/** What a queue row shows: no personal data. */
export function queueSummary(c: ComplaintRecord) {
  return {
    reference: c.reference,
    status: c.status,
    receivedAt: c.receivedAt,
    handler: c.handler,
    lastContactOn: c.contacts.at(-1)?.contactedOn ?? null,
    reviewWindowClosesOn: c.status === 'FINALISED' ? c.outcome!.reviewWindowClosesOn : null,
  };
}

export interface QueueQuery {
  queue: string;
  range: { from?: string; to?: string };
  ascending: boolean;
}

/** The queue and key range a request asks for; `today` is the Europe/London date. */
export function queueQuery(
  request: { queue: ComplaintQueue; handler: string; status?: string | null; category?: string | null; from?: string | null; to?: string | null },
  today: string,
): QueueQuery {
  const dates = { from: request.from ?? undefined, to: request.to ?? undefined };
  switch (request.queue) {
    case 'UNALLOCATED':
      return { queue: q('UNALLOCATED'), range: {}, ascending: true };
    case 'CASELOAD':
      return { queue: q(`HANDLER#${request.handler}`), range: {}, ascending: true };
    case 'AWAITING_FIRST_CONTACT':
      return { queue: q('AWAITING_FIRST_CONTACT'), range: {}, ascending: true };
    case 'LOCAL_RESOLUTION_IN_PROGRESS':
      return { queue: q('LOCAL_RESOLUTION'), range: {}, ascending: true };
    case 'UPDATES_OVERDUE':
      // Last contact (or receipt) a month or more ago.
      return { queue: q('LAST_CONTACT'), range: { to: addCalendarMonths(today, -1) }, ascending: true };
    case 'REVIEW_WINDOW_OPEN':
      return { queue: q('REVIEW_WINDOW'), range: { from: today }, ascending: true };
    case 'BY_STATUS':
      return { queue: q(`STATUS#${request.status}`), range: dates, ascending: true };
    case 'BY_CATEGORY':
      return { queue: q(`CATEGORY#${request.category}`), range: dates, ascending: true };
    case 'RECEIVED_BETWEEN':
      return { queue: q('RECEIVED'), range: dates, ascending: true };
  }
}
