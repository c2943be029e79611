/**
 * A request for the requester's own personal data is a subject access request, not FOI (FOIA
 * s.40(1)). Such a request is recognised before anything is stored and pointed to subject access.
 * The patterns look for the requester's own data specifically: "send me information about speed
 * cameras" is an FOI request.
 */
const OWN_DATA = [
  /\bmy\s+(?:own\s+)?personal\s+(?:data|information|details)\b/i,
  /\b(?:information|data|records?|details)\s+(?:that\s+)?(?:you|the\s+police|west\s+midlands\s+police)\s+(?:hold|have|holds|has|keep|keeps|held)\s+(?:on|about)\s+me\b/i,
  /\bmy\s+(?:police\s+)?(?:records?|file)\b/i,
  /\bsubject\s+access\b/i,
];

export function looksLikeOwnDataRequest(description: string): boolean {
  return OWN_DATA.some((p) => p.test(description));
}

export const subjectAccessSignpost = {
  organisation: 'West Midlands Police: subject access',
  url: 'https://www.west-midlands.police.uk/request-personal-information',
  explanation:
    'You have asked for information about yourself. That is a subject access request under data protection law, not a Freedom of Information request, and it has its own form and rules. We have not kept any of the details you gave. If your request is not (or not only) about yourself, send it again and confirm that.',
};
