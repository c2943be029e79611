import { handlerFilter } from '../validation/common.js';
import * as z from 'zod';
import { addDays, daysBetween } from '../calendar/londonDate.js';
import type { IndexEntry, QueueQuery } from '../cases/contract.js';
import type { DataProtectionComplaintQueueInput, DataProtectionComplaintStatus } from '../generated/graphql.js';
import { parseQueryInput } from '../validation/parse.js';
import { isOpen, type DataProtectionRecord } from './model.js';
import { acknowledgementDueOn } from './clock.js';

/**
 * Which Information Rights queues a data-protection complaint is in, derived from its state. Each
 * is ordered by a date, so "due within N days" and "overdue" are key ranges of one queue.
 */
const q = (name: string) => `DPC#${name}`;

export function dataProtectionQueueEntries(c: DataProtectionRecord): IndexEntry[] {
  // The London day first, so that a range of days is a key range; the instant keeps arrival order.
  const received = `${c.receivedOn}#${c.receivedAt}`;
  const entries: IndexEntry[] = [{ queue: q(`STATUS#${c.status}`), sortKey: received }];
  if (isOpen(c)) {
    entries.push(c.handler ? { queue: q(`HANDLER#${c.handler}`), sortKey: received } : { queue: q('UNALLOCATED'), sortKey: received });
    if (!c.acknowledgement) entries.push({ queue: q('ACKNOWLEDGEMENT_DUE'), sortKey: acknowledgementDueOn(c.receivedOn) });
  }
  return entries;
}

/** What each queue entry carries: no personal data. */
export function dataProtectionQueueSummary(c: DataProtectionRecord) {
  return {
    reference: c.reference,
    status: c.status,
    receivedOn: c.receivedOn,
    handler: c.handler,
    acknowledgementDueOn: c.acknowledgement ? null : acknowledgementDueOn(c.receivedOn),
  };
}

export const DEFAULT_DUE_SOON_DAYS = 7;

const queueInput = z
  .object({
    queue: z.enum(['ACKNOWLEDGEMENT_DUE_SOON', 'ACKNOWLEDGEMENT_OVERDUE', 'OPEN_BY_HANDLER', 'UNALLOCATED', 'BY_STATUS']),
    withinDays: z.number().int().min(0, 'Look 0 to 30 days ahead.').max(30, 'Look 0 to 30 days ahead.').nullish(),
    handler: handlerFilter,
    status: z.string().nullish(),
  })
  .superRefine((v, ctx) => {
    if (v.queue === 'BY_STATUS' && !v.status) ctx.addIssue({ code: 'custom', path: ['status'], message: 'Give the status to list.', params: { code: 'REQUIRED' } });
  });

/** The queue and key range a request asks for; `today` is the Europe/London date; the caseload defaults to the caller's. */
export function dataProtectionQueueRequest(input: DataProtectionComplaintQueueInput, today: string, callerName: string): QueueQuery {
  const valid = parseQueryInput(queueInput, input);
  switch (valid.queue) {
    case 'ACKNOWLEDGEMENT_DUE_SOON':
      // Due today up to today + N: still in time, soonest first.
      return { queue: q('ACKNOWLEDGEMENT_DUE'), range: { from: today, to: addDays(today, valid.withinDays ?? DEFAULT_DUE_SOON_DAYS) }, ascending: true };
    case 'ACKNOWLEDGEMENT_OVERDUE':
      // The last day to acknowledge was yesterday or earlier.
      return { queue: q('ACKNOWLEDGEMENT_DUE'), range: { to: addDays(today, -1) }, ascending: true };
    case 'OPEN_BY_HANDLER':
      return { queue: q(`HANDLER#${valid.handler || callerName}`), range: {}, ascending: true };
    case 'UNALLOCATED':
      return { queue: q('UNALLOCATED'), range: {}, ascending: true };
    case 'BY_STATUS':
      return { queue: q(`STATUS#${valid.status}`), range: {}, ascending: true };
  }
}

/** A queue row, from an entry's summary. */
export function dataProtectionQueueRow(item: Record<string, unknown>, today: string) {
  return {
    reference: item.reference as string,
    status: item.status as DataProtectionComplaintStatus,
    receivedOn: item.receivedOn as string,
    handler: (item.handler as string | null) ?? null,
    acknowledgementDueOn: (item.acknowledgementDueOn as string | null) ?? null,
    ageInDays: daysBetween(item.receivedOn as string, today),
  };
}
