import { handlerFilter } from '../validation/common.js';
import * as z from 'zod';
import { ukCalendar } from '../calendar/holidays.js';
import { addDays, daysBetween, isIsoDate, londonDateOf } from '../calendar/londonDate.js';
import { workingDaysBetween } from '../calendar/workingDays.js';
import type { IndexEntry, QueueQuery } from '../cases/contract.js';
import type { ComplaintQueue, ComplaintQueueInput } from '../generated/graphql.js';
import { parseQueryInput } from '../validation/parse.js';
import { allegationCategories, isCode } from './catalogue.js';
import { beforeOutcome, isOpen, latestOutcome, type ComplaintRecord } from './model.js';
import { firstReplyDueOn, isLate, nextUpdateDueOn, outstandingReferral, referBy, sameIncidentReferralOutstanding, schedule3Reasons, unreferredAllegations } from './rules.js';

/**
 * Which Professional Standards queues a complaint is in, derived from its state. Each queue is
 * ordered by a date, so that "oldest first", "no contact for a month" and "review window still
 * open" are key ranges.
 */
const q = (name: string) => `COMPLAINT#${name}`;

export function complaintQueueEntries(c: ComplaintRecord): IndexEntry[] {
  // London date first, so that a range of days is a key range; the instant keeps arrival order.
  const received = `${c.receivedOn}#${c.receivedAt}`;
  const entries: IndexEntry[] = [
    { queue: q('RECEIVED'), sortKey: received },
    { queue: q(`STATUS#${c.status}`), sortKey: received },
    ...[...new Set(c.allegations.map((a) => a.category))].map((category) => ({ queue: q(`CATEGORY#${category}`), sortKey: received })),
  ];
  if (!c.handler && c.status === 'RECEIVED') entries.push({ queue: q('UNALLOCATED'), sortKey: received });
  if (isOpen(c) && c.handler) entries.push({ queue: q(`HANDLER#${c.handler}`), sortKey: received });
  // Before an outcome only: a finalised or resolved complaint is not awaiting its first contact.
  if ((beforeOutcome as readonly string[]).includes(c.status) && c.contacts.length === 0) {
    entries.push({ queue: q('AWAITING_FIRST_CONTACT'), sortKey: received });
  }
  const firstReply = firstReplyDueOn(c);
  if (firstReply) entries.push({ queue: q('FIRST_REPLY_DUE'), sortKey: `${firstReply}#${c.receivedAt}` });
  const nextUpdate = nextUpdateDueOn(c);
  if (nextUpdate) entries.push({ queue: q('NEXT_UPDATE_DUE'), sortKey: `${nextUpdate}#${c.receivedAt}` });
  // A withdrawn complaint the force continues with in the public interest keeps its duty to refer.
  const continuing = c.status === 'WITHDRAWN' && Boolean(c.withdrawal?.continueInPublicInterest);
  const due = referBy(c);
  if (due && (isOpen(c) || continuing)) {
    entries.push({ queue: q('MUST_REFER'), sortKey: `${due}#${c.receivedAt}` });
  }
  const outstanding = outstandingReferral(c);
  if (outstanding && (isOpen(c) || continuing)) entries.push({ queue: q('AWAITING_IOPC'), sortKey: `${outstanding.referredOn}#${c.receivedAt}` });
  if (c.status === 'LOCAL_RESOLUTION') entries.push({ queue: q('LOCAL_RESOLUTION'), sortKey: received });
  const closes = c.status === 'FINALISED' ? latestOutcome(c)?.reviewWindowClosesOn : null;
  if (closes) entries.push({ queue: q('REVIEW_WINDOW'), sortKey: closes });
  return entries;
}

/** What a queue row shows: enough to triage without opening the complaint, and none of the complainant's personal data. */
export function queueSummary(c: ComplaintRecord) {
  return {
    reference: c.reference,
    status: c.status,
    receivedAt: c.receivedAt,
    receivedOn: c.receivedOn,
    handler: c.handler,
    complaintTypes: c.complaintTypes,
    allegationCategories: [...new Set(c.allegations.map((a) => a.category))],
    mustBeRecorded: schedule3Reasons(c).length > 0,
    mustBeReferred: unreferredAllegations(c).length > 0 || sameIncidentReferralOutstanding(c),
    referBy: referBy(c),
    referred: c.referrals.length > 0,
    late: isLate(c),
    lastContactOn: c.contacts.at(-1)?.contactedOn ?? null,
    nextUpdateDueOn: nextUpdateDueOn(c),
    reviewWindowClosesOn: c.status === 'FINALISED' ? (latestOutcome(c)?.reviewWindowClosesOn ?? null) : null,
  };
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
    case 'FIRST_REPLY_OVERDUE':
      return { queue: q('FIRST_REPLY_DUE'), range: { to: addDays(today, -1) }, ascending: true };
    case 'UPDATES_OVERDUE':
      // The next update (the first reply, then the agreed plan or monthly) was due before today.
      return { queue: q('NEXT_UPDATE_DUE'), range: { to: addDays(today, -1) }, ascending: true };
    case 'MUST_REFER':
      return { queue: q('MUST_REFER'), range: {}, ascending: true };
    case 'AWAITING_IOPC_DECISION':
      return { queue: q('AWAITING_IOPC'), range: {}, ascending: true };
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

const queueInput = z
  .object({
    queue: z.string(),
    handler: handlerFilter,
    status: z.string().nullish(),
    category: z.string().nullish(),
    from: z.string().refine(isIsoDate, 'Give dates as YYYY-MM-DD.').nullish(),
    to: z.string().refine(isIsoDate, 'Give dates as YYYY-MM-DD.').nullish(),
  })
  .superRefine((v, ctx) => {
    if (v.queue === 'BY_STATUS' && !v.status) ctx.addIssue({ code: 'custom', path: ['status'], message: 'Give the status to list.' });
    if (v.queue === 'BY_CATEGORY' && !(v.category && isCode(allegationCategories, v.category))) {
      ctx.addIssue({ code: 'custom', path: ['category'], message: 'Give an allegation category code.' });
    }
    if (v.queue === 'RECEIVED_BETWEEN' && !(v.from && v.to)) ctx.addIssue({ code: 'custom', path: ['from'], message: 'Give from and to.' });
    if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The range ends before it starts.' });
  });

/** A queue request, checked; the caseload defaults to the caller's own. */
export function complaintQueueRequest(input: ComplaintQueueInput, today: string, callerName: string): QueueQuery {
  const valid = parseQueryInput(queueInput, input);
  return queueQuery({ ...input, handler: valid.handler || callerName }, today);
}

/** A queue row, from an entry's summary. */
export function complaintQueueRow(item: Record<string, unknown>, today: string) {
  const receivedOn = (item.receivedOn as string | undefined) ?? londonDateOf(new Date(item.receivedAt as string));
  const nextUpdateDueOn = (item.nextUpdateDueOn as string | null) ?? null;
  return {
    reference: item.reference as string,
    status: item.status as ComplaintRecord['status'],
    receivedAt: item.receivedAt as string,
    handler: (item.handler as string | null) ?? null,
    complaintTypes: (item.complaintTypes as string[] | undefined) ?? [],
    allegationCategories: (item.allegationCategories as string[] | undefined) ?? [],
    mustBeRecorded: Boolean(item.mustBeRecorded),
    mustBeReferred: Boolean(item.mustBeReferred),
    referred: Boolean(item.referred),
    late: Boolean(item.late),
    lastContactOn: (item.lastContactOn as string | null) ?? null,
    nextUpdateDueOn,
    referBy: (item.referBy as string | null | undefined) ?? null,
    daysOverdue: nextUpdateDueOn && nextUpdateDueOn < today ? daysBetween(nextUpdateDueOn, today) : 0,
    reviewWindowClosesOn: (item.reviewWindowClosesOn as string | null) ?? null,
    ageInDays: daysBetween(receivedOn, today),
    workingDayAge: Math.max(0, workingDaysBetween(ukCalendar, receivedOn, today, 'ENGLAND_AND_WALES')),
  };
}
