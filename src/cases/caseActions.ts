import type { z } from 'zod';
import type { AuditLog } from '../audit/auditLog.js';
import { actorOf } from '../audit/model.js';
import type { Caller } from '../auth/caller.js';
import { refuse, succeed, type Outcome } from '../errors.js';
import type { Db, Item, TransactItem } from '../store/db.js';
import { parseInput } from '../validation/parse.js';
import { changeCase } from './caseChanges.js';
import type { CaseType as CaseTypeName } from '../generated/graphql.js';
import { parseReferenceParts } from './reference.js';

// Transitional: SAR and FOI still run on these until they move to the case-type contract (caseService.ts).
const prefixes: Partial<Record<CaseTypeName, string>> = { SUBJECT_ACCESS: 'SAR', FOI: 'FOI' };
function parseReference(raw: string) {
  const parts = parseReferenceParts(raw);
  const caseType = (Object.keys(prefixes) as CaseTypeName[]).find((t) => prefixes[t] === parts?.prefix);
  return parts && caseType ? { ...parts, caseType } : undefined;
}

/**
 * The one way a staff action runs on any case type: validate the input, find the case, let the
 * area's pure rule decide against the case as it is now, and write the change with its version
 * check, audit entry and follow-ups (queue entries, statistics) in one transaction.
 */
export interface ActionDecision<R> {
  set: Partial<R>;
  action: string;
}

export interface CaseActionRequest<R, I, D extends ActionDecision<R>> {
  caseType: CaseTypeName;
  caseName: string;
  raw: { reference: string; expectedVersion: number } & Record<string, unknown>;
  schema: z.ZodType<I>;
  caller: Caller;
  now: Date;
  toRecord: (item: Item) => R;
  rule: (record: R, input: I) => Outcome<D>;
  followUps: (before: R, after: R, decision: D) => TransactItem[];
  /** Work that cannot fit in the transaction, run once it has committed (for example, search entries). */
  afterCommit?: (before: R, after: R) => Promise<void>;
}

export async function applyCaseAction<R, I, D extends ActionDecision<R>>(
  db: Db,
  audit: AuditLog,
  request: CaseActionRequest<R, I, D>,
): Promise<Outcome<R>> {
  const { reference, expectedVersion, ...fields } = request.raw;
  const input = parseInput(request.schema, fields);
  if (!input.ok) return input;
  const notFound = () => refuse('NOT_FOUND', `There is no ${request.caseName} with this reference.`, ['input', 'reference']);
  const parsed = parseReference(reference);
  if (!parsed || parsed.caseType !== request.caseType) return notFound();
  let before: R | undefined;
  const changed = await changeCase(db, audit, {
    reference: parsed.reference,
    expectedVersion,
    actor: actorOf(request.caller),
    now: request.now,
    decide: (current) => {
      if (current.caseType !== request.caseType) return notFound();
      const record = request.toRecord(current);
      before = record;
      const decision = request.rule(record, input.value);
      if (!decision.ok) return decision;
      return succeed({
        set: decision.value.set as Record<string, unknown>,
        action: decision.value.action,
        sideEffects: (next: Item) => request.followUps(record, request.toRecord(next), decision.value),
      });
    },
  });
  if (!changed.ok) return changed;
  const after = request.toRecord(changed.value);
  await request.afterCommit?.(before!, after);
  return succeed(after);
}

/**
 * A staff read of one case's record: the case type must match, and the read is audited before the
 * record is returned. Null for anything else, without saying which.
 */
export async function readCase<R>(
  audit: AuditLog,
  request: { caseType: CaseTypeName; reference: string; caller: Caller; now: Date; load: (reference: string) => Promise<R | undefined> },
): Promise<R | null> {
  const parsed = parseReference(request.reference);
  if (!parsed || parsed.caseType !== request.caseType) return null;
  const record = await request.load(parsed.reference);
  if (!record) return null;
  await audit.recordReads({ subjects: [parsed.reference], actor: actorOf(request.caller), action: 'READ', fields: [request.caseType], at: request.now.toISOString() });
  return record;
}
