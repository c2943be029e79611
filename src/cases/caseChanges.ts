import type { AuditLog } from '../audit/auditLog.js';
import type { AuditActor } from '../audit/model.js';
import { refuse, succeed, type Outcome } from '../errors.js';
import type { Db, Item, TransactItem } from '../store/db.js';
import { keys } from '../store/keys.js';

/**
 * The one way staff change a case: optimistic concurrency and an audit entry, whatever the case type.
 *
 * The caller says which version it read. The change is decided by the area's rules against the
 * case as it is now, then written with a condition that the version has not moved, together with
 * its audit entry, in one transaction. Two staff editing one case: the first wins, the second is
 * told the case changed and nothing of theirs is written.
 */
export interface CaseDecision {
  /** The attributes to set. */
  set: Record<string, unknown>;
  /** The audit action, for example LOGGED. */
  action: string;
  /** More writes that belong to the change (queue entries, statistics), given the case after it. */
  sideEffects?: (next: Item) => TransactItem[];
}

export interface CaseChange {
  reference: string;
  expectedVersion: number;
  actor: AuditActor;
  now: Date;
  /** The area's rules: what to change, or why the change is not allowed now. */
  decide: (current: Item) => Outcome<CaseDecision>;
}

export async function changeCase(db: Db, audit: AuditLog, change: CaseChange): Promise<Outcome<Item>> {
  const key = keys.case(change.reference);
  const current = await db.get<Item>(key);
  if (!current) return notFound();
  if (current.version !== change.expectedVersion) return stale(current.version as number);

  const decision = change.decide(current);
  if (!decision.ok) return decision;

  const at = change.now.toISOString();
  const next = { ...current, ...decision.value.set, updatedAt: at, version: change.expectedVersion + 1 };
  const outcome = await db.transact([
    ...caseUpdate(db, audit, { reference: change.reference, expectedVersion: change.expectedVersion, set: decision.value.set, action: decision.value.action, actor: change.actor, at }),
    ...(decision.value.sideEffects?.(next) ?? []),
  ]);
  if (!outcome.ok) {
    const now = await db.get<Item>(key);
    return now ? stale(now.version as number) : notFound();
  }
  return succeed(next);
}

/**
 * The writes that change one case: its attributes, set only if its version has not moved, and its
 * audit entry. Also used for a case another case's change must keep in step (a linked complaint).
 */
export function caseUpdate(
  db: Db,
  audit: AuditLog,
  change: { reference: string; expectedVersion: number; set: Record<string, unknown>; action: string; actor: AuditActor; at: string },
): TransactItem[] {
  const set = { ...change.set, updatedAt: change.at };
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':expected': change.expectedVersion, ':one': 1 };
  const assignments = Object.entries(set).map(([name, value], i) => {
    names[`#f${i}`] = name;
    values[`:v${i}`] = value;
    return `#f${i} = :v${i}`;
  });
  return [
    db.updateItem(keys.case(change.reference), `SET ${[...assignments, '#version = #version + :one'].join(', ')}`, names, values, 'attribute_exists(pk) AND #version = :expected'),
    audit.entry({ subject: change.reference, at: change.at, actor: change.actor, action: change.action, fields: Object.keys(change.set), version: change.expectedVersion + 1 }),
  ];
}

function notFound() {
  return refuse('NOT_FOUND', 'There is no case with this reference.', ['input', 'reference']);
}

function stale(currentVersion: number) {
  return refuse(
    'STALE_VERSION',
    `Someone else changed this case since you read it (it is now at version ${currentVersion}). Reload it, check their change, and try again.`,
    ['input', 'expectedVersion'],
  );
}
