import { z } from 'zod';
import type { HolidayCalendar } from '../calendar/holidays.js';
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

/** The work queues and the requester's history (the disclosure log is apart: see disclosureLogIndex). */
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
      return { queue: q('AWAITING_FEE'), range: {} };
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
  handler: z.string().trim().max(100).nullish(),
});

/** A queue request, checked; BY_HANDLER defaults to the caller's own requests, DUE_SOON to 5 days. */
export function foiQueueRequest(input: FoiQueueInput, today: string, callerName: string): QueueQuery {
  const valid = parseQueryInput(queueInput, input);
  return foiQueueQuery({ queue: input.queue, withinDays: valid.withinDays ?? 5, handler: valid.handler || callerName }, today);
}

/** A queue row, from an entry's summary: no personal data. */
export function foiQueueRow(item: Record<string, unknown>) {
  return {
    reference: item.reference as string,
    status: item.status as FoiStatus,
    receivedAt: item.receivedAt as string,
    handler: (item.handler as string | null) ?? null,
    dueOn: (item.dueOn as string | null) ?? null,
  };
}
