/**
 * Case references: PREFIX-YYYY-NNNNNN, for example WEB-2026-000123. Unique per case type and year
 * (the number comes from a counter kept per type and year); six digits, more if a year ever needs
 * them. Humans read them out over the phone, so they carry no secret. The prefix belongs to the
 * case type (its definition says which); src/cases/registry.ts tells a prefix's case type.
 */
export function formatReference(prefix: string, year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError('sequence must be a positive integer');
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}

export interface ReferenceParts {
  prefix: string;
  year: number;
  sequence: number;
  /** The reference as stored (upper case, no spaces). */
  reference: string;
}

const REFERENCE = /^([A-Z]{3})-(\d{4})-(\d{6,9})$/;

/** Reads a reference as people type it (any case, surrounding spaces); undefined when it is not one. */
export function parseReferenceParts(raw: string): ReferenceParts | undefined {
  const m = REFERENCE.exec(raw.trim().toUpperCase());
  if (!m) return undefined;
  const prefix = m[1]!;
  const year = Number(m[2]);
  const sequence = Number(m[3]);
  if (sequence < 1) return undefined;
  return { prefix, year, sequence, reference: formatReference(prefix, year, sequence) };
}
