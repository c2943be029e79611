import type { HolidayCalendar } from '../../calendar/holidays.js';
import type { MutationName } from '../../cases/workflow.js';
import type { ContactPreference, Recipient } from '../model.js';

/**
 * What a case type's changes say to people, declared once per case type: for its arrival and for
 * each workflow action (keyed by its mutation), the messages the change causes. The outbox writes
 * them in the change's own transaction (src/outbox/outboxItems.ts), so nothing is sent for a change
 * that failed and nothing is lost when sending fails.
 *
 * Pure: no AWS, no GraphQL runtime, no store.
 */
export interface PlanContext {
  today: string;
  calendar: HolidayCalendar;
}

/** One message a change causes: which template, and the values only this case knows. */
export interface MessageDraft {
  template: string;
  values: Record<string, string>;
}

/** SUBMITTED: the public form; LOGGED: staff logging a letter, email or call. */
export type CaseEvent = 'SUBMITTED' | 'LOGGED' | MutationName;

export type Cause<R> = (after: R, before: R | null, ctx: PlanContext) => MessageDraft[];

export interface CorrespondencePlan<R> {
  /** The person's name as the letters address them. */
  nameOf(record: R): string;
  /** How to reach them: under staff's preference for the case when set, else what the form said. */
  recipientOf(record: R, preference: ContactPreference | null): Recipient;
  on: Partial<Record<CaseEvent, Cause<R>>>;
}

export const definePlan = <R>(plan: CorrespondencePlan<R>): CorrespondencePlan<R> => plan;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 2026-03-02 → "2 March 2026", as letters write dates. */
export function longDate(day: string | null | undefined): string {
  if (!day) return '';
  const [y, m, d] = day.split('-').map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
}

/** One line per item, each starting with a dash (Notify's list syntax). */
export const bullets = (lines: string[]): string => lines.map((l) => `- ${l}`).join('\n');

/**
 * How an acknowledgement speaks of the tracking code: a website submission showed it to the person
 * once; a case staff logged from a letter, email or call gave it to staff, to send on (the logging
 * mutations' receipt says so), so the letter must not speak of a code "you were given".
 */
export const trackingCodeWords = (channel: string): string =>
  channel === 'WEB' ? 'the tracking code you were given' : 'a tracking code, which we will send you separately';

/** The latest clock event of a type on a case (its clockEvents are in order): what a letter about it reports. */
export function lastClockEvent<E extends { event: { type: string } }>(events: readonly E[], type: E['event']['type']): E | undefined {
  for (let i = events.length - 1; i >= 0; i--) if (events[i]!.event.type === type) return events[i];
  return undefined;
}
