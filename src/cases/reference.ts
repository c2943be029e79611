import { caseTypeForPrefix, caseTypes, type CaseTypeName } from './caseTypes.js';

/**
 * Case references: PREFIX-YYYY-NNNNNN, for example WEB-2026-000123. Unique per case type and year
 * (the number comes from a counter kept per type and year); six digits, more if a year ever needs
 * them. Humans read them out over the phone, so they carry no secret.
 */
export function formatReference(caseType: CaseTypeName, year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError('sequence must be a positive integer');
  return `${caseTypes[caseType].prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}

export interface ParsedReference {
  caseType: CaseTypeName;
  year: number;
  sequence: number;
  reference: string;
}

const REFERENCE = /^([A-Z]{3})-(\d{4})-(\d{6,9})$/;

/** Reads a reference as people type it (any case, surrounding spaces); undefined when it is not one. */
export function parseReference(raw: string): ParsedReference | undefined {
  const m = REFERENCE.exec(raw.trim().toUpperCase());
  if (!m) return undefined;
  const caseType = caseTypeForPrefix(m[1]!);
  if (!caseType) return undefined;
  const year = Number(m[2]);
  const sequence = Number(m[3]);
  if (sequence < 1) return undefined;
  return { caseType, year, sequence, reference: formatReference(caseType, year, sequence) };
}
