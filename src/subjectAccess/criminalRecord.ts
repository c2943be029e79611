/**
 * Requests for a person's Police National Computer record go to ACRO Criminal Records Office, not
 * to the force. A request whose description asks for that is recognised before anything is
 * stored, and the requester is told where to apply.
 */
const CRIMINAL_RECORD = [
  /\bcriminal\s+records?\b/i,
  /\bpolice\s+national\s+computer\b/i,
  /\bPNC\b/,
  /\bpolice\s+certificate\b/i,
  /\b(?:list|record|details)\s+of\s+(?:my\s+)?(?:convictions|cautions)\b/i,
  /\bmy\s+(?:convictions|cautions)\b/i,
  /\bACRO\b/,
];

export function looksLikeCriminalRecordRequest(description: string): boolean {
  return CRIMINAL_RECORD.some((pattern) => pattern.test(description));
}

export const acroSignpost = {
  organisation: 'ACRO Criminal Records Office',
  url: 'https://www.acro.police.uk/subject-access',
  explanation:
    'Your request is for your criminal record on the Police National Computer. ACRO Criminal Records Office handles those requests for every police force: please apply to ACRO. We have not kept any of the details you gave. If you also want other information West Midlands Police holds about you, send the form again and confirm that.',
};
