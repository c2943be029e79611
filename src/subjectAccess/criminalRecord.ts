import type { AcroService } from '../generated/graphql.js';

/**
 * Requests for a person's Police National Computer record go to ACRO Criminal Records Office, not
 * to the force (RULES.md §3 "Criminal records"). ACRO has two services a requester may mean:
 *
 * - a **police certificate**, for a visa, emigration, residence or citizenship abroad;
 * - **subject access** to their own records on the PNC ("my criminal record", "my previous
 *   convictions", "what is on the PNC about me").
 *
 * The public form signposts such a request to the right service before anything is stored (unless
 * the requester confirms they also want what the force itself holds); on a request staff log, or
 * one the requester confirmed, the same check is a warning on the record for staff, never a
 * refusal. Measured on a labelled corpus in test/unit/sarCriminalRecord.test.ts.
 *
 * The patterns look for the requester's own record ("my", "me", "do I have"): a request about a
 * suspect's or an offender's convictions is an ordinary request, and is not matched.
 */
const PREVIOUS = String.raw`(?:previous|past|prior|spent|unspent|old|any|all|full|entire|complete)\s+`;
const RECORD_REQUEST: RegExp[] = [
  // "my criminal record", "my full criminal history", "my own criminal record"
  /\b(?:my|own)\s+(?:full\s+|entire\s+|complete\s+|own\s+)?criminal\s+(?:records?|history|convictions?)\b/i,
  // "a criminal record check / certificate / disclosure"
  /\bcriminal\s+records?\s+(?:check|certificate|disclosure|clearance)\b/i,
  /\bpolice\s+national\s+computer\b/i,
  /\bPNC\b/,
  // "my previous convictions", "my spent cautions", "all my convictions and cautions"
  new RegExp(String.raw`\b(?:all\s+(?:of\s+)?)?my\s+(?:${PREVIOUS})*(?:criminal\s+)?(?:convictions|cautions|reprimands|final\s+warnings)\b`, 'i'),
  // "a list / record / details / copy / print-out of (all) (my) (previous) convictions"
  new RegExp(String.raw`\b(?:list|record|records|details|copy|print-?out|summary)\s+of\s+(?:all\s+)?(?:my\s+)?(?:${PREVIOUS})*(?:convictions?|cautions?)\b`, 'i'),
  // "a print-out of my police record", "my police record"
  /\bmy\s+(?:full\s+|own\s+)?police\s+record\b/i,
  // "convictions or cautions (recorded) against me / held about me"
  /\b(?:convictions|cautions)\b[^.?!]{0,40}\b(?:against|about|on)\s+me\b/i,
  // "do I have a criminal record", "what is on my record"
  /\bdo\s+I\s+have\s+(?:a|any)\s+(?:criminal\s+record|convictions|cautions)\b/i,
  /\bwhat(?:'s|’s|\s+is)\s+on\s+my\s+(?:criminal\s+|police\s+)?record\b/i,
  /\bpolice\s+(?:clearance\s+)?certificate\b/i,
  /\bpolice\s+clearance\b/i,
  /\b(?:certificate\s+of\s+good\s+conduct|good\s+conduct\s+certificate)\b/i,
  /\bACRO\b/,
];

/** What makes a criminal-record request one for a police certificate rather than subject access to the PNC. */
const CERTIFICATE =
  /\b(?:visas?|emigrat\w*|immigrat\w*|embassy|consulate|residen(?:cy|ce)\s+(?:permit|visa|application)|citizenship|naturali[sz]ation|work\s+permit|police\s+(?:clearance\s+)?certificate|police\s+clearance|good\s+conduct|living\s+abroad|move\s+abroad|moving\s+abroad|relocat\w*\s+to|emigrate|overseas\s+(?:job|employer|authorit\w*))\b/i;

export interface CriminalRecordMatch {
  service: AcroService;
  /** The words that matched, as written. */
  matched: string;
}

/** The ACRO service a description asks for, with the words that say so; null for an ordinary request. */
export function criminalRecordCheck(description: string): CriminalRecordMatch | null {
  for (const pattern of RECORD_REQUEST) {
    const found = pattern.exec(description);
    if (found) return { service: CERTIFICATE.test(description) ? 'POLICE_CERTIFICATE' : 'SUBJECT_ACCESS_PNC', matched: found[0] };
  }
  return null;
}

export function looksLikeCriminalRecordRequest(description: string): boolean {
  return criminalRecordCheck(description) !== null;
}

const ACRO = 'ACRO Criminal Records Office';
const OTHER_DATA =
  'We have not kept any of the details you gave. If you also want other information West Midlands Police holds about you, send the form again and confirm that.';

/** Where each kind of criminal-record request goes, as the public form tells the requester. */
export const acroSignposts: Record<AcroService, { organisation: string; url: string; explanation: string }> = {
  POLICE_CERTIFICATE: {
    organisation: ACRO,
    url: 'https://www.acro.police.uk/police-certificates',
    explanation: `Your request is for a police certificate (for example for a visa, emigration or residence abroad). ACRO Criminal Records Office issues police certificates for every police force: please apply to ACRO. ${OTHER_DATA}`,
  },
  SUBJECT_ACCESS_PNC: {
    organisation: ACRO,
    url: 'https://www.acro.police.uk/subject-access',
    explanation: `Your request is for your criminal record on the Police National Computer. ACRO Criminal Records Office handles those requests for every police force: please apply to ACRO. ${OTHER_DATA}`,
  },
};

/** The public form's signpost for a description, or null for an ordinary request. */
export function acroSignpostFor(description: string) {
  const match = criminalRecordCheck(description);
  return match ? acroSignposts[match.service] : null;
}

/** The warning staff see on a request that reads as ACRO's (logged by them, or confirmed by the requester). */
export function criminalRecordWarning(description: string) {
  const match = criminalRecordCheck(description);
  if (!match) return null;
  const signpost = acroSignposts[match.service];
  const what = match.service === 'POLICE_CERTIFICATE' ? 'a police certificate' : 'the requester’s own record on the Police National Computer';
  return {
    service: match.service,
    organisation: signpost.organisation,
    url: signpost.url,
    matched: match.matched,
    explanation: `The request reads as one for ${what} (“${match.matched}”), which ${ACRO} handles: tell the requester to apply to ACRO (${signpost.url}), and handle here only what the force itself holds.`,
  };
}
