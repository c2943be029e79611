import { named } from '../../foi/catalogue.js';
import type { ExemptionUse, FoiRecord } from '../../foi/model.js';
import { clockOf, reviewClockOf } from '../../foi/status.js';
import { recipientFor } from '../model.js';
import { bullets, definePlan, lastClockEvent, longDate, trackingCodeWords, type MessageDraft, type PlanContext } from './plan.js';

/**
 * FOI (RULES.md §2): the acknowledgement with the date due; the clarification request (s.1(3)) and,
 * when the clarification arrives, the new date due (a fresh 20 working days); the internal review:
 * its acknowledgement with the date due, its extension (dated the day it is sent) and its outcome;
 * the fees notice (s.9); the public interest extension's refusal notice (s.10(3), s.17(2)); the
 * response, which for a refusal carries what s.17 requires: each exemption, the public interest
 * reasons, the internal review procedure and the right to complain to the ICO.
 */

const OUTCOME_WORDS: Record<string, string> = {
  PROVIDED_IN_FULL: 'We hold the information you asked for, and it is below.',
  PROVIDED_IN_PART: 'We hold the information you asked for. Some of it is below; the rest is withheld under the exemptions listed, for the reasons given.',
  REFUSED: 'We hold information within the scope of your request, but we are refusing it under the exemptions listed, for the reasons given.',
  NOT_HELD: 'We do not hold the information you asked for.',
  REFUSED_COST_LIMIT: 'We are refusing your request under section 12 of the Act: finding the information would cost more than the appropriate limit.',
  REFUSED_VEXATIOUS_OR_REPEATED: 'We are refusing your request under section 14 of the Act.',
};

const REVIEW_OUTCOME_WORDS: Record<string, string> = {
  UPHELD: 'The review upheld our original response: it stands as we sent it.',
  PARTLY_UPHELD: 'The review upheld part of our original response and changed the rest, as explained below.',
  OVERTURNED: 'The review overturned our original response, as explained below.',
};

function exemptionLine(use: ExemptionUse): string {
  const e = named(use.section);
  const kind = e.absolute ? 'an absolute exemption (no public interest test applies)' : 'a qualified exemption';
  const test = use.publicInterestTestApplied ? '; we weighed the public interest, and our reasons are below' : '';
  const ncnd = use.neitherConfirmNorDeny ? '; we neither confirm nor deny that we hold the information' : '';
  return `Section ${e.section}, ${e.name}: ${kind}${test}${ncnd}.`;
}

function refusalBasis(r: FoiRecord): string {
  const response = r.response!;
  if (response.outcome === 'REFUSED_COST_LIMIT' && response.costLimit) {
    return `Section 12 (cost limit): we estimate it would take ${response.costLimit.estimateHours} hours to find the information, more than the 18 hours (£450) the limit allows for police forces.\n\nAdvice and assistance (section 16): ${response.costLimit.adviceGiven}`;
  }
  if (response.outcome === 'REFUSED_VEXATIOUS_OR_REPEATED') {
    return response.vexatious?.section17_6Applies
      ? 'Section 14: we have told you before that we consider requests of this kind vexatious or repeated, so under section 17(6) we will not send a further refusal notice for them.'
      : 'Section 14: we consider the request vexatious or a repeat of an earlier request.';
  }
  return '';
}

const REFUSALS = new Set(['PROVIDED_IN_PART', 'REFUSED', 'REFUSED_COST_LIMIT', 'REFUSED_VEXATIOUS_OR_REPEATED']);

function response(r: FoiRecord): MessageDraft[] {
  const res = r.response;
  if (!res) return [];
  const outcome = OUTCOME_WORDS[res.outcome] ?? '';
  if (!REFUSALS.has(res.outcome)) return [{ template: 'foi-response', values: { outcome, summary: res.summary } }];
  return [
    {
      template: 'foi-refusal-notice',
      values: {
        outcome,
        exemptions: res.exemptions.length ? bullets(res.exemptions.map(exemptionLine)) : 'None: see below.',
        summary: res.summary,
        refusalBasis: refusalBasis(r),
      },
    },
  ];
}

export const foiPlan = definePlan<FoiRecord>({
  nameOf: (r) => r.requester.name,
  recipientOf: (r, preference) => recipientFor(preference ?? (r.requester.email ? 'EMAIL' : 'POST'), r.requester),
  on: {
    SUBMITTED: (r, _, ctx) => acknowledgement(r, ctx),
    LOGGED: (r, _, ctx) => acknowledgement(r, ctx),
    // A corrected day of receipt moves the date due: the person is sent the acknowledgement again, with the right dates.
    correctFoiReceiptDate: (r, _, ctx) => acknowledgement(r, ctx),
    requestFoiClarification: (r, _, ctx) => {
      const asked = lastClockEvent(r.clockEvents, 'CLARIFICATION_REQUESTED');
      if (!asked) return [];
      // Asked after the due date had passed, a clarification restarts nothing (RULES.md §2): never promise 20 working days.
      const late = clockOf(ctx.calendar, r).late.find((l) => l.on === asked.event.on);
      const timeLimit = late
        ? `The Freedom of Information Act 2000 required us to respond by ${longDate(late.missedDueOn)}, and asking you this does not change that date. We are sorry that our response is late: we will respond as soon as we can once your reply arrives.`
        : 'We will have 20 working days to respond from the day your reply arrives.';
      return [{ template: 'foi-clarification-request', values: { question: asked.reason ?? '', timeLimit } }];
    },
    // A fresh 20 working days begins the day the clarification arrives (s.1(3)): tell the requester the new date.
    recordFoiClarification: (r, _, ctx) => {
      const received = lastClockEvent(r.clockEvents, 'CLARIFICATION_RECEIVED');
      const dueOn = clockOf(ctx.calendar, r).dueOn;
      if (!received || !dueOn) return [];
      // Past the date due (a clarification asked for too late restarts nothing, or one entered late): say so, never promise a day gone by.
      const whatNext =
        dueOn < ctx.today
          ? `The Freedom of Information Act 2000 required us to respond by ${longDate(dueOn)}. We are sorry that our response is late: we will respond as soon as we can.`
          : `A fresh 20 working days began on the day it arrived, as the Freedom of Information Act 2000 requires: we will respond by ${longDate(dueOn)}.`;
      return [{ template: 'foi-clarification-received', values: { receivedOn: longDate(received.event.on), whatNext } }];
    },
    issueFeesNotice: (r, _, ctx) => {
      const notice = lastClockEvent(r.clockEvents, 'FEES_NOTICE_ISSUED');
      // The last day to pay is the clock's own (s.9(2): 3 months beginning with the notice day).
      const payBy = clockOf(ctx.calendar, r).feeDueBy;
      if (!notice || !payBy) return [];
      return [{ template: 'foi-fees-notice', values: { issuedOn: longDate(notice.event.on), details: notice.reason ?? '', lapsesOn: longDate(payBy) } }];
    },
    extendFoiForPublicInterest: (r) => {
      const ext = r.publicInterestExtension;
      const event = lastClockEvent(r.clockEvents, 'PUBLIC_INTEREST_EXTENSION');
      if (!ext || !event) return [];
      return [
        {
          template: 'foi-extension-notice',
          values: {
            exemptions: bullets(ext.sections.map((s) => `Section ${named(s).section}, ${named(s).name}`)),
            reason: event.reason ?? '',
            estimatedDate: longDate(ext.estimatedDate),
          },
        },
      ];
    },
    respondToFoiRequest: (r) => response(r),
    requestFoiInternalReview: (r, _, ctx) => {
      const review = r.internalReview;
      const clock = reviewClockOf(ctx.calendar, r);
      if (!review || !clock) return [];
      // Recorded late, the 20 working days may be over already: say so, never promise a day gone by.
      const whatNext =
        clock.dueOn < ctx.today
          ? `We should have told you the outcome by ${longDate(clock.dueOn)}, 20 working days after you asked for the review, and we are sorry that we have not. We will tell you the outcome as soon as we can.`
          : `We will tell you the outcome by ${longDate(clock.dueOn)}, 20 working days after you asked for the review. If the review needs longer, we will write to you before then with the reason and the new date.`;
      return [{ template: 'foi-review-acknowledgement', values: { requestedOn: longDate(review.requestedOn), whatNext } }];
    },
    extendFoiInternalReview: (r, _, ctx) => {
      const extension = r.internalReview?.extension;
      const clock = reviewClockOf(ctx.calendar, r);
      if (!extension || !clock) return [];
      return [
        {
          template: 'foi-review-extension',
          values: { extendedOn: longDate(extension.on), dueOn: longDate(clock.statutoryDueOn), reason: extension.reason, extendedTo: longDate(extension.extendedTo) },
        },
      ];
    },
    recordFoiInternalReviewOutcome: (r) => {
      const review = r.internalReview;
      if (!review?.outcome || !review.decidedOn) return [];
      return [
        {
          template: 'foi-review-outcome',
          values: { decidedOn: longDate(review.decidedOn), outcome: REVIEW_OUTCOME_WORDS[review.outcome] ?? '', note: review.note ?? '' },
        },
      ];
    },
  },
});

function acknowledgement(r: FoiRecord, ctx: PlanContext): MessageDraft[] {
  const dueOn = clockOf(ctx.calendar, r).dueOn;
  // A request logged late (a letter found weeks on) may already be past its date: say so, never promise a day gone by.
  const whatNext =
    dueOn && dueOn < ctx.today
      ? `The Freedom of Information Act 2000 required us to respond by ${longDate(dueOn)}, 20 working days after we received your request. We are sorry that we have not: we will search for the information you asked for and respond as soon as we can.`
      : `We will search for the information you asked for and respond by ${longDate(dueOn)}. That is 20 working days after we received it, as the Freedom of Information Act 2000 requires. If we need you to clarify what you are asking for, or if a fee applies, we will tell you before then and explain how that changes the date.`;
  return [{ template: 'foi-acknowledgement', values: { receivedOn: longDate(r.receivedOn), whatNext, trackingCode: trackingCodeWords(r.channel) } }];
}
