import type { HolidayCalendar } from '../calendar/holidays.js';
import { dueRanges, type IndexEntry } from '../cases/caseIndex.js';
import type { FoiQueue } from '../generated/graphql.js';
import { queues } from '../store/keys.js';
import type { FoiRecord } from './model.js';
import { searchWords } from './disclosureWords.js';
import { clockOf, reviewClockOf, statusOf } from './status.js';

/** Which information-rights FOI queues a request is in, derived from its state. */
const q = queues.foi;
export const disclosureLogQueue = queues.disclosureLog;
export const disclosureWordQueue = queues.disclosureWord;
export const requesterQueue = queues.foiRequester;

/** The work queues (not the disclosure log, which is written apart: see disclosureEntries). */
export function foiQueueEntries(calendar: HolidayCalendar, r: FoiRecord): IndexEntry[] {
  const received = `${r.receivedOn}#${r.receivedAt}`;
  const status = statusOf(calendar, r);
  const clock = clockOf(calendar, r);
  const review = reviewClockOf(calendar, r);
  const entries: IndexEntry[] = [{ queue: requesterQueue(r.requesterKey), sortKey: received }];
  const answering = ['IN_PROGRESS', 'PUBLIC_INTEREST_EXTENSION', 'AWAITING_CLARIFICATION', 'AWAITING_FEE'].includes(status);
  if (answering && !r.handler) entries.push({ queue: q('UNALLOCATED'), sortKey: received });
  if ((status === 'IN_PROGRESS' || status === 'PUBLIC_INTEREST_EXTENSION') && clock.dueOn) {
    entries.push({ queue: q('DUE'), sortKey: `${clock.dueOn}#${r.receivedAt}` });
  }
  if (status === 'PUBLIC_INTEREST_EXTENSION') entries.push({ queue: q('PUBLIC_INTEREST'), sortKey: `${clock.dueOn}#${r.receivedAt}` });
  if (status === 'AWAITING_CLARIFICATION') entries.push({ queue: q('AWAITING_CLARIFICATION'), sortKey: received });
  if (status === 'AWAITING_FEE') entries.push({ queue: q('AWAITING_FEE'), sortKey: `${clock.feeDueBy}#${r.receivedAt}` });
  if (status === 'UNDER_INTERNAL_REVIEW') entries.push({ queue: q('REVIEW_DUE'), sortKey: `${review!.dueOn}#${r.receivedAt}` });
  const due = status === 'UNDER_INTERNAL_REVIEW' ? review!.dueOn : clock.dueOn;
  if ((answering || status === 'UNDER_INTERNAL_REVIEW') && r.handler) {
    entries.push({ queue: q(`HANDLER#${r.handler}`), sortKey: `${due ?? '9999-12-31'}#${r.receivedAt}` });
  }
  return entries;
}

export function foiQueueSummary(calendar: HolidayCalendar, r: FoiRecord) {
  const status = statusOf(calendar, r);
  return {
    reference: r.reference,
    status,
    receivedAt: r.receivedAt,
    handler: r.handler,
    dueOn: status === 'UNDER_INTERNAL_REVIEW' ? reviewClockOf(calendar, r)!.dueOn : clockOf(calendar, r).dueOn,
  };
}

/** The disclosure log's entries: one in the log, and one per search word of the title and question. */
export function disclosureEntries(r: FoiRecord): IndexEntry[] {
  if (!r.disclosure) return [];
  const sortKey = r.disclosure.publishedOn;
  return [
    { queue: disclosureLogQueue, sortKey },
    ...searchWords(`${r.disclosure.title} ${r.disclosure.question}`).map((w) => ({ queue: disclosureWordQueue(w), sortKey })),
  ];
}

export function foiQueueQuery(request: { queue: FoiQueue; withinDays: number; handler: string }, today: string) {
  switch (request.queue) {
    case 'UNALLOCATED':
      return { queue: q('UNALLOCATED'), range: {} };
    case 'DUE_SOON':
      return { queue: q('DUE'), range: dueRanges.dueWithin(today, request.withinDays) };
    case 'OVERDUE':
      return { queue: q('DUE'), range: dueRanges.overdue(today) };
    case 'AWAITING_CLARIFICATION':
      return { queue: q('AWAITING_CLARIFICATION'), range: {} };
    case 'AWAITING_FEE':
      return { queue: q('AWAITING_FEE'), range: {} };
    case 'PUBLIC_INTEREST_EXTENSIONS':
      return { queue: q('PUBLIC_INTEREST'), range: {} };
    case 'INTERNAL_REVIEWS_DUE':
      return { queue: q('REVIEW_DUE'), range: {} };
    case 'BY_HANDLER':
      return { queue: q(`HANDLER#${request.handler}`), range: {} };
  }
}
