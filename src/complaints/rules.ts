import { addCalendarMonths, addDays } from '../calendar/londonDate.js';
import type { ReviewBody } from '../generated/graphql.js';
import { isOpen, type ComplaintRecord } from './model.js';

/**
 * The statutory rules for police complaints (Police Reform Act 2002 Schedule 3; the Police
 * (Complaints and Misconduct) Regulations 2020; IOPC statutory guidance), as pure functions.
 */

/** More than 12 months between the incident and the complaint: a decision to proceed or decline is needed. */
export function isLate(c: Pick<ComplaintRecord, 'incident' | 'receivedOn'>): boolean {
  return c.receivedOn > addCalendarMonths(c.incident.date, 12);
}

/**
 * Why the complaint must be recorded under Schedule 3 (empty when handling outside Schedule 3 is
 * allowed): the complainant asks for it, at any time; or an allegation alleges death or serious
 * injury, possible crime, possible misconduct justifying disciplinary proceedings, a breach of
 * Article 2 or 3, or a mandatory referral matter.
 */
export function schedule3Reasons(c: Pick<ComplaintRecord, 'wantsFormalRecording' | 'allegations'>): string[] {
  const reasons: string[] = [];
  if (c.wantsFormalRecording) reasons.push('The complainant asked for the complaint to be formally recorded.');
  const flagWords: Array<[keyof ComplaintRecord['allegations'][number]['flags'], string]> = [
    ['deathOrSeriousInjury', 'death or serious injury'],
    ['possibleCriminalOffence', 'conduct that might be a criminal offence'],
    ['possibleMisconduct', 'conduct that might justify disciplinary proceedings'],
    ['article2or3', 'a possible breach of Article 2 or 3 ECHR'],
    ['mandatoryReferral', 'a mandatory referral matter'],
  ];
  for (const a of c.allegations) {
    const alleged = flagWords.filter(([flag]) => a.flags[flag]).map(([, words]) => words);
    if (alleged.length) reasons.push(`Allegation ${a.number} alleges ${alleged.join(', ')}.`);
  }
  return reasons;
}

/** Death or serious injury and the mandatory referral matters must be referred to the IOPC. */
export function referralRequired(c: Pick<ComplaintRecord, 'allegations'>): boolean {
  return c.allegations.some((a) => a.flags.deathOrSeriousInjury || a.flags.mandatoryReferral);
}

/** The IOPC reviews serious or referred matters and complaints about senior officers; otherwise the local policing body. */
export function reviewBodyFor(c: Pick<ComplaintRecord, 'allegations' | 'handlingHistory'>): ReviewBody {
  const referred = c.handlingHistory.some((h) => h.referredToIopc);
  const serious = referralRequired(c);
  const senior = c.allegations.some((a) => a.personComplainedAbout?.seniorOfficer);
  return referred || serious || senior ? 'IOPC' : 'LOCAL_POLICING_BODY';
}

/**
 * The force's standard (Concerns and Complaints guidance): a reply within 10 days, then contact
 * at least monthly. The next update is due 10 days after receipt until the first contact, then a
 * month after the last contact. Nothing is due once the complaint is finalised or closed.
 */
export const FIRST_REPLY_DAYS = 10;
export const UPDATE_EVERY_MONTHS = 1;

export function nextUpdateDueOn(c: Pick<ComplaintRecord, 'status' | 'contacts' | 'receivedOn'>): string | null {
  if (!isOpen(c) || c.status === 'FINALISED') return null;
  const last = c.contacts.at(-1)?.contactedOn;
  return last ? addCalendarMonths(last, UPDATE_EVERY_MONTHS) : addDays(c.receivedOn, FIRST_REPLY_DAYS);
}
