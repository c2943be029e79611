import type { SarRecord } from '../../subjectAccess/model.js';
import { clockOf } from '../../subjectAccess/status.js';
import { recipientFor } from '../model.js';
import { definePlan, lastClockEvent, longDate, trackingCodeWords, type MessageDraft, type PlanContext } from './plan.js';

/**
 * Subject access (RULES.md §3): the acknowledgement with the date due; the request for proof of
 * identity or for clarification, and when either arrives the new date due; the extension notice, with reasons, which the workflow allows only
 * before the first month ends; the response with the right to complain to the ICO and to go to court.
 */

const OUTCOME_WORDS: Record<string, string> = {
  DISCLOSED_IN_FULL: 'We have enclosed a copy of all the personal information we hold about you that you asked for.',
  DISCLOSED_IN_PART: 'We have enclosed a copy of the personal information we hold about you that you asked for. Some of it has been withheld or redacted, for the reasons below.',
  RESTRICTED_IN_FULL:
    'We have restricted your right of access in full under section 45(4) of the Data Protection Act 2018, for the reasons below. You may also ask the Information Commissioner to check that the restriction is lawful (section 51 of the Act).',
  NOTHING_HELD: 'We have searched our records and hold no personal information about you of the kind you asked for.',
  REFUSED_MANIFESTLY_UNFOUNDED: 'We are refusing your request as manifestly unfounded, for the reasons below.',
  REFUSED_EXCESSIVE: 'We are refusing your request as manifestly excessive, for the reasons below.',
};

export const subjectAccessPlan = definePlan<SarRecord>({
  nameOf: (r) => r.requester.name,
  recipientOf: (r, preference) => recipientFor(preference ?? (r.requester.email ? 'EMAIL' : 'POST'), { email: r.requester.email, postalAddress: r.requester.address, name: r.requester.name }),
  on: {
    SUBMITTED: (r, _, ctx) => acknowledgement(r, clockOf(ctx.calendar, r).dueOn, ctx.today),
    LOGGED: (r, _, ctx) => acknowledgement(r, clockOf(ctx.calendar, r).dueOn, ctx.today),
    // A corrected day of receipt moves the date due: the person is sent the acknowledgement again, with the right dates.
    correctSubjectAccessReceiptDate: (r, _, ctx) => acknowledgement(r, clockOf(ctx.calendar, r).dueOn, ctx.today),
    requestProofOfIdentity: (r, _, ctx) => {
      const asked = lastClockEvent(r.clockEvents, 'IDENTITY_REQUESTED');
      if (!asked) return [];
      const clock = clockOf(ctx.calendar, r);
      // Asked after the time limit had run out, proof of identity starts nothing (RULES.md §3): never promise a month.
      const timeLimit = clock.lateRequestOn
        ? lateWords(clock.dueOn!, 'asking for proof of identity now does not change that date', 'your proof of identity arrives')
        : 'We have one month to respond from the day your proof of identity arrives.';
      return [{ template: 'sar-identity-request', values: { question: asked.reason ?? '', timeLimit } }];
    },
    requestSarClarification: (r, _, ctx) => {
      const asked = lastClockEvent(r.clockEvents, 'CLARIFICATION_REQUESTED');
      if (!asked) return [];
      const clock = clockOf(ctx.calendar, r);
      // Asked after the time limit had run out, a clarification pauses nothing (RULES.md §3).
      const timeLimit = clock.lateRequestOn
        ? lateWords(clock.dueOn!, 'asking you this does not change that date', 'your answer arrives')
        : 'The time we have to respond does not run from the day we asked until the day your answer arrives.';
      return [{ template: 'sar-clarification-request', values: { question: asked.reason ?? '', timeLimit } }];
    },
    // Proof of identity starts the month; clarification ends the pause: either way the date due is new, and the requester is told it.
    recordProofOfIdentity: (r, _, ctx) => received(r, ctx, 'IDENTITY_RECEIVED', 'sar-identity-received'),
    recordSarClarification: (r, _, ctx) => received(r, ctx, 'CLARIFICATION_RECEIVED', 'sar-clarification-received'),
    extendSubjectAccessRequest: (r, _, ctx) => {
      const extended = lastClockEvent(r.clockEvents, 'EXTENDED');
      if (!extended || extended.event.type !== 'EXTENDED') return [];
      return [{ template: 'sar-extension-notice', values: { reason: extended.event.reason, dueOn: longDate(clockOf(ctx.calendar, r).dueOn) } }];
    },
    respondToSubjectAccessRequest: (r) => {
      if (!r.response) return [];
      return [{ template: 'sar-response', values: { outcome: OUTCOME_WORDS[r.response.outcome] ?? '', reasons: r.response.reasons ?? '' } }];
    },
  },
});

/** What arrived, and the date due it gives (or, asked for after the time limit had run out, the date that was missed). */
function received(r: SarRecord, ctx: PlanContext, type: 'IDENTITY_RECEIVED' | 'CLARIFICATION_RECEIVED', template: string): MessageDraft[] {
  const arrived = lastClockEvent(r.clockEvents, type);
  const dueOn = clockOf(ctx.calendar, r).dueOn;
  if (!arrived || !dueOn) return [];
  const whatNext =
    dueOn < ctx.today
      ? `The law required us to respond by ${longDate(dueOn)}. We are sorry that our response is late: we will respond as soon as we can.`
      : `We will respond by ${longDate(dueOn)}.${type === 'IDENTITY_RECEIVED' ? ' That is one month from the day your proof of identity arrived.' : ' The days from the day we asked until the day your answer arrived are not counted.'}`;
  return [{ template, values: { receivedOn: longDate(arrived.event.on), whatNext } }];
}

function lateWords(dueOn: string, unchanged: string, arrives: string): string {
  return `The law required us to respond by ${longDate(dueOn)}, and ${unchanged}. We are sorry that our response is late: we will respond as soon as we can once ${arrives}.`;
}

function acknowledgement(r: SarRecord, dueOn: string | null, today: string) {
  const whatNext = dueOn && dueOn < today
    ? `The law required us to respond by ${longDate(dueOn)}, one month from the day we received your request. We are sorry that we have not: we will respond as soon as we can.`
    : dueOn
    ? `We will respond by ${longDate(dueOn)}, one month from the day we received your request. If we need proof of your identity, or more detail to find your information, we will ask you and explain how that changes the date.`
    : 'We need to confirm your identity before we can start: we will write to you about this. We will respond within one month of the day your proof of identity arrives.';
  return [{ template: 'sar-acknowledgement', values: { receivedOn: longDate(r.receivedOn), whatNext, trackingCode: trackingCodeWords(r.channel) } }];
}
