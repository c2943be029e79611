/**
 * The kinds of case and their reference prefixes. Later areas add themselves here: the prefix is
 * the only thing a reference needs to know about its case type.
 */
export const caseTypes = {
  PAGE_RATING: { prefix: 'WEB' },
  COMPLAINT: { prefix: 'CMP' },
  SUBJECT_ACCESS: { prefix: 'SAR' },
  FOI: { prefix: 'FOI' },
} as const;

export type CaseTypeName = keyof typeof caseTypes;

export function caseTypeForPrefix(prefix: string): CaseTypeName | undefined {
  return (Object.keys(caseTypes) as CaseTypeName[]).find((t) => caseTypes[t].prefix === prefix);
}
