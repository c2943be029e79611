import { handlerFilter } from '../validation/common.js';
import * as z from 'zod';
import type { HolidayCalendar } from '../calendar/holidays.js';
import { londonDateOf } from '../calendar/londonDate.js';
import { dueRanges } from '../cases/caseIndex.js';
import type { IndexEntry, IndexSet, QueueQuery } from '../cases/contract.js';
import type { FoiQueue, FoiQueueInput, FoiStatus } from '../generated/graphql.js';
import { parseQueryInput } from '../validation/parse.js';
import type { FoiRecord } from './model.js';
import { searchWords } from './disclosureWords.js';
import { clockOf, reviewClockOf, statusOf } from './status.js';

/** Which information-rights FOI queues a request is in, derived from its state. */
const q = (name: string) => `FOI#${name}`;
export const disclosureLogQueue = q('DISCLOSURE_LOG');
export const disclosureWordQueue = (word: string) => q(`DISCLOSURE_WORD#${word}`);
export const requesterQueue = (key: string) => q(`REQUESTER#${key}`);
/** Requests under the same name, whatever the email or address: for suggestions only. */
export const requesterNameQueue = (key: string) => q(`REQUESTER_NAME#${key}`);

/** The work queues and the requester's history (the disclosure log is apart: see disclosureLogIndex). */
export function foiQueueEntries(calendar: HolidayCalendar, r: FoiRecord): IndexEntry[] {
  const received = `${r.receivedOn}#${r.receivedAt}`;
  const status = statusOf(calendar, r);
  const clock = clockOf(calendar, r);
  const review = reviewClockOf(calendar, r);
  const entries: IndexEntry[] = [{ queue: requesterQueue(r.requesterKey), sortKey: received }];
  if (r.requesterNameKey) entries.push({ queue: requesterNameQueue(r.requesterNameKey), sortKey: received });
  const answering = ['IN_PROGRESS', 'PUBLIC_INTEREST_EXTENSION', 'AWAITING_CLARIFICATION', 'AWAITING_FEE'].includes(status);
  if (answering && !r.handler) entries.push({ queue: q('UNALLOCATED'), sortKey: received });
  // A clarification asked too late leaves the due date standing: the request stays due (and overdue).
  if ((status === 'IN_PROGRESS' || status === 'PUBLIC_INTEREST_EXTENSION' || status === 'AWAITING_CLARIFICATION') && clock.dueOn) {
    entries.push({ queue: q('DUE'), sortKey: `${clock.dueOn}#${r.receivedAt}` });
  }
  if (status === 'PUBLIC_INTEREST_EXTENSION') entries.push({ queue: q('PUBLIC_INTEREST'), sortKey: `${clock.dueOn}#${r.receivedAt}` });
  if (status === 'AWAITING_CLARIFICATION') entries.push({ queue: q('AWAITING_CLARIFICATION'), sortKey: received });
  // One entry for an unpaid fee, keyed by the last day to pay: AWAITING_FEE reads those from today
  // on, LAPSED those before (an entry is written when the request changes, not when a fee lapses).
  if (status === 'AWAITING_FEE') entries.push({ queue: q('AWAITING_FEE'), sortKey: `${clock.feeDueBy}#${r.receivedAt}` });
  if (status === 'UNDER_INTERNAL_REVIEW') entries.push({ queue: q('REVIEW_DUE'), sortKey: `${review!.dueOn}#${r.receivedAt}` });
  const due = status === 'UNDER_INTERNAL_REVIEW' ? review!.dueOn : clock.dueOn;
  if ((answering || status === 'UNDER_INTERNAL_REVIEW') && r.handler) {
    entries.push({ queue: q(`HANDLER#${r.handler}`), sortKey: `${due ?? '9999-12-31'}#${r.receivedAt}` });
  }
  return entries;
}

/** What each queue entry carries: the status as written, and what derives it as of the day it is read. */
export function foiQueueSummary(calendar: HolidayCalendar, r: FoiRecord) {
  const status = statusOf(calendar, r);
  const clock = clockOf(calendar, r);
  return {
    reference: r.reference,
    status,
    feeDueBy: status === 'AWAITING_FEE' ? clock.feeDueBy : null,
    receivedOn: r.receivedOn,
    receivedAt: r.receivedAt,
    handler: r.handler,
    dueOn: status === 'UNDER_INTERNAL_REVIEW' ? reviewClockOf(calendar, r)!.dueOn : clock.dueOn,
    // A keyed hash (never the requester): tells the requester's own requests from same-name suggestions.
    requesterKey: r.requesterKey,
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

/**
 * The disclosure log itself: one entry per published response (question and answer, never the
 * requester), written in the change's transaction.
 */
export const disclosureLogIndex: IndexSet<FoiRecord> = {
  entries: (r) => disclosureEntries(r).filter((e) => e.queue === disclosureLogQueue),
  summary: (r) => ({
    reference: r.reference,
    title: r.disclosure?.title,
    question: r.disclosure?.question,
    answer: r.disclosure?.answer,
    publishedOn: r.disclosure?.publishedOn,
    outcome: r.response?.outcome,
    exemptions: r.response?.exemptions.map((e) => e.section) ?? [],
  }),
};

/**
 * The disclosure log's search words: one small entry per word. A response can have up to 100,
 * more than a transaction may hold, so they are written after the publication commits.
 */
export const disclosureWordIndex: IndexSet<FoiRecord> = {
  entries: (r) => disclosureEntries(r).filter((e) => e.queue !== disclosureLogQueue),
  summary: (r) => ({
    reference: r.reference,
    publishedOn: r.disclosure?.publishedOn,
    words: r.disclosure ? searchWords(`${r.disclosure.title} ${r.disclosure.question}`) : [],
  }),
  afterCommit: true,
};

export function foiQueueQuery(request: { queue: FoiQueue; withinDays: number; handler: string }, today: string): QueueQuery {
  return { ...queueRange(request, today), ascending: true };
}

function queueRange(request: { queue: FoiQueue; withinDays: number; handler: string }, today: string): Omit<QueueQuery, 'ascending'> {
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
      return { queue: q('AWAITING_FEE'), range: { from: today } };
    case 'LAPSED':
      return { queue: q('AWAITING_FEE'), range: dueRanges.overdue(today) };
    case 'PUBLIC_INTEREST_EXTENSIONS':
      return { queue: q('PUBLIC_INTEREST'), range: {} };
    case 'INTERNAL_REVIEWS_DUE':
      return { queue: q('REVIEW_DUE'), range: {} };
    case 'BY_HANDLER':
      return { queue: q(`HANDLER#${request.handler}`), range: {} };
  }
}

const queueInput = z.object({
  queue: z.string(),
  withinDays: z.number().int().min(1, 'Look 1 to 60 days ahead.').max(60, 'Look 1 to 60 days ahead.').nullish(),
  handler: handlerFilter,
});

/** A queue request, checked; BY_HANDLER defaults to the caller's own requests, DUE_SOON to 5 days. */
export function foiQueueRequest(input: FoiQueueInput, today: string, callerName: string): QueueQuery {
  const valid = parseQueryInput(queueInput, input);
  return foiQueueQuery({ queue: input.queue, withinDays: valid.withinDays ?? 5, handler: valid.handler || callerName }, today);
}

/**
 * A queue row, from an entry's summary, as of `today`: an unpaid fee whose last day has passed
 * reads LAPSED (status is derived when read, not fixed when the entry was written). No personal data.
 */
export function foiQueueRow(item: Record<string, unknown>, today: string) {
  const written = item.status as FoiStatus;
  const feeDueBy = item.feeDueBy as string | null | undefined;
  return {
    reference: item.reference as string,
    status: written === 'AWAITING_FEE' && feeDueBy && today > feeDueBy ? ('LAPSED' as const) : written,
    // The statutory day of receipt; entries written before it was carried fall back to the day stored.
    receivedOn: (item.receivedOn as string | undefined) ?? londonDateOf(new Date(item.receivedAt as string)),
    receivedAt: item.receivedAt as string,
    handler: (item.handler as string | null) ?? null,
    dueOn: (item.dueOn as string | null) ?? null,
  };
}
