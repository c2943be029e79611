/**
 * A request for the requester's own personal data is a subject access request, not FOI (FOIA
 * s.40(1)). Such a request is recognised before anything is stored and pointed to subject access.
 * The patterns look for the requester's own data specifically: "send me information about speed
 * cameras" is an FOI request.
 */
const OWN_DATA = [
  /\bmy\s+(?:own\s+)?personal\s+(?:data|information|details)\b/i,
  /\b(?:information|data|records?|details|everything|anything)\s+(?:that\s+|do\s+|does\s+)?(?:you|the\s+police|the\s+force|west\s+midlands\s+police)\s+(?:hold|have|holds|has|keep|keeps|held|store|stores)\s+(?:on|about|regarding)\s+(?:me|myself)\b/i,
  /\b(?:about|on|regarding|concerning)\s+(?:me|myself)\s+(?:that\s+)?(?:you|the\s+police|the\s+force)\s+(?:hold|have|keep|held)\b/i,
  /\bmy\s+(?:police\s+)?(?:records?|file)\b(?!\s+(?:management|keeping|retention)\b)/i,
  /\b(?:my|me)\s+(?:arrest|custody|interview)\s+(?:records?|notes?|footage|recordings?)\b/i,
  /\b(?:body[-\s]?(?:worn)?\s*(?:camera|cam)\s+)?footage\s+of\s+(?:me|myself)\b/i,
  // "Subject access" names a request for one's own data only when the writer makes one, not when
  // they ask about them ("How many subject access requests did you receive?").
  /\b(?:this\s+is|i\s+(?:want|wish|would\s+like|am\s+writing)\s+to\s+(?:make|submit|lodge|raise)|i\s+am\s+(?:making|submitting)|please\s+(?:treat|accept|process)\s+this\s+as|i\s+request\s+under)\s+(?:an?\s+|my\s+)?(?:data\s+)?subject\s+access\b/i,
  /\bmy\s+(?:data\s+)?subject\s+access\s+request\b/i,
  /\b(?:under|using)\s+(?:my\s+)?(?:right\s+of\s+access|article\s+15)\b/i,
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
