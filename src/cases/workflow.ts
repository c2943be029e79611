import type { z } from 'zod';
import type { AuditActor } from '../audit/model.js';
import type { StaffGroup } from '../auth/caller.js';
import type { HolidayCalendar } from '../calendar/holidays.js';
import type { Outcome, UserErrorShape } from '../errors.js';
import type { Mutation, UserErrorCode } from '../generated/graphql.js';

/** A staff action's name is its GraphQL mutation: typed, so a misspelt action does not compile. */
export type MutationName = Exclude<keyof Mutation, '__typename'>;

/**
 * Workflows as data. Each case type declares one table: its states, and for each staff action the
 * states it may be taken from, the named rules (guards) that must all pass, the states it may lead
 * to, and the teams that may take it. The action runner refuses through the table, and every
 * refusal names the rule that refused it. `availableActions` and docs/workflows.md are read off
 * the same table, so what staff see, what the API enforces and what the leads read cannot differ.
 *
 * Pure: no AWS, no GraphQL runtime, no store.
 */

/** What every rule and action sees besides the case: the day, the clock, who acts and the holidays. */
export interface ActionContext {
  /** Today, Europe/London (YYYY-MM-DD). */
  today: string;
  now: Date;
  actor: AuditActor;
  /** The acting staff member's user name. */
  by: string;
  calendar: HolidayCalendar;
}

/** Counts to add to a case type's daily statistics. */
export type DailyCounts = Array<{ day: string; add: Record<string, number> }>;

/** The same counts taken back (a case that moves day, or proves not to belong in the figures). */
export const negated = (counts: DailyCounts): DailyCounts =>
  counts.map(({ day, add }) => ({ day, add: Object.fromEntries(Object.entries(add).map(([name, n]) => [name, -n])) }));

/** What an action changes: the attributes to set, the counts it adds, and its audit action. */
export interface Change<R> {
  set: Partial<R>;
  stats: DailyCounts;
  /** The audit action, for example FINALISED. */
  action: string;
  /**
   * Other cases (of those the action read as `related`) kept in step in the same transaction, each
   * only if unchanged since read: their attributes to set and audit action (never a state change).
   */
  alsoChange?: Array<{ record: R; set: Partial<R>; action: string }>;
}

/**
 * A named rule: one statutory or policy rule, in one place. `refuses` says why the rule refuses
 * the action now, or null when it allows it. Guards depend on the case and the day only, so that
 * they can be shown before anyone fills in a form; rules about an input's values are checked by
 * the action's `decide`, which refuses through `refuseBy` with the same kind of named rule.
 */
export interface NamedRule {
  /** Stable code, SCREAMING_SNAKE: what clients and tests match on. */
  code: string;
  /** The rule in words, for staff screens and docs/workflows.md. */
  words: string;
  /** Where it comes from: a RULES.md section, or "policy" for the force's own choice. */
  cites: string;
}

export interface Rule<R> extends NamedRule {
  refuses(record: R, ctx: ActionContext): string | null;
}

export const defineRule = <R>(rule: Rule<R>): Rule<R> => rule;

/** A rule about an action's input (a date, a choice), applied by the action's `decide` through `refuseBy`. */
export const defineInputRule = (rule: NamedRule): NamedRule => rule;

/** The refusal a workflow gives when the case is in none of the states an action is allowed from. */
export const STATE_RULE = {
  code: 'WORKFLOW_STATE',
  words: 'Each action is possible only from the states its row of the workflow table lists.',
  cites: 'the workflow table (docs/workflows.md)',
} as const;

/** One staff action: one declaration gives its policy entry, resolver, service entry and docs row. */
export interface ActionSpec<S extends string, R, Sch extends z.ZodType = z.ZodType> {
  /** The action as a noun phrase for messages: "Finalising", "Recording a contact". */
  doing: string;
  /** What it does, in a sentence (shown in availableActions and the docs). */
  does: string;
  /** The states it may be taken from. */
  from: readonly S[];
  /** The named rules that must all allow it, checked in order after the state. */
  guards: readonly Rule<R>[];
  /** Rules about the input that its `decide` applies (listed for the docs). */
  inputRules?: readonly NamedRule[];
  /** The states it may lead to; empty when the case stays where it is. */
  to: readonly S[];
  /** Who may take it; the case type's team when not given. */
  groups?: readonly StaffGroup[];
  /** Its input, without reference and expectedVersion (which every action has). */
  input: (today: string) => Sch;
  /**
   * Other cases of the same type the decision needs (for example a complaint to link to, or the
   * complaints already linked), by reference, from the input or the case as it is: the runner reads
   * them and passes them, in order, as `related` (a reference that is not a case of this type is
   * left out).
   */
  related?(input: z.output<Sch>, record: R): string[];
  /** The change, given the case as it is now and a valid input; or why the input is refused. */
  decide(record: R, input: z.output<Sch>, ctx: ActionContext, related?: R[]): Outcome<Change<R>>;
}

export interface Workflow<S extends string, R, A extends string = MutationName> {
  /** Every state, with words that complete "… while the case is …". */
  states: Readonly<Record<S, string>>;
  /** The case's state now (stored for some case types, derived from clocks for others). */
  stateOf(record: R, ctx: Pick<ActionContext, 'today' | 'calendar'>): S;
  actions: { readonly [K in A]?: ActionSpec<S, R> };
}

/** Builds one action with its input's type inferred from its schema. */
export const actionFor =
  <S extends string, R>() =>
  <Sch extends z.ZodType>(spec: ActionSpec<S, R, Sch>): ActionSpec<S, R> =>
    spec;

export interface RuleRefusal {
  rule: string;
  message: string;
  cites: string;
}

/**
 * Everything that refuses an action on this case now: the state first, then each guard in order.
 * Empty when the action is allowed (its input may still be refused by `decide`).
 */
export function refusalsOf<S extends string, R, A extends string>(
  workflow: Workflow<S, R, A>,
  action: A,
  record: R,
  ctx: ActionContext,
  noun: string,
): RuleRefusal[] {
  const spec = workflow.actions[action];
  if (!spec) throw new Error(`no action ${action}`);
  const state = workflow.stateOf(record, ctx);
  if (!spec.from.includes(state)) {
    return [{ rule: STATE_RULE.code, message: `${spec.doing} is not possible while the ${noun} is ${workflow.states[state]}.`, cites: STATE_RULE.cites }];
  }
  const refusals: RuleRefusal[] = [];
  for (const guard of spec.guards) {
    const why = guard.refuses(record, ctx);
    if (why) refusals.push({ rule: guard.code, message: why, cites: guard.cites });
  }
  return refusals;
}

/**
 * A refusal by a named rule, as a user error that names the rule: NOT_ALLOWED_IN_STATE unless the
 * rule is about an input's value (INVALID, REQUIRED, …). A null rule is an input error no named
 * rule covers.
 */
export function refuseBy(
  rule: Pick<NamedRule, 'code'> | null,
  message: string,
  field: string[] | null = null,
  code: UserErrorCode = 'NOT_ALLOWED_IN_STATE',
): { ok: false; userErrors: UserErrorShape[] } {
  return { ok: false, userErrors: [{ field, message, code, rule: rule?.code ?? null }] };
}

/** The event a date staff give may not precede, in words: "the complaint arrived", "the response". */
export interface EarlierEvent {
  on: string;
  what: string;
}

/**
 * A date staff give for something that happened: never in the future, never before the event it
 * follows (so a step taken on time and entered late is recorded truly). The refusal (INVALID)
 * names the field, the date it may not precede and, where the case type has one, its rule.
 */
export function dateRefusal(
  day: string,
  field: string,
  today: string,
  after?: EarlierEvent,
  rules: { future?: Pick<NamedRule, 'code'> | null; order?: Pick<NamedRule, 'code'> | null } = {},
): { ok: false; userErrors: UserErrorShape[] } | undefined {
  if (day > today) return refuseBy(rules.future ?? null, 'The date cannot be in the future.', ['input', field], 'INVALID');
  if (after && day < after.on) return refuseBy(rules.order ?? null, `The date cannot be before ${after.what} (${after.on}).`, ['input', field], 'INVALID');
  return undefined;
}

/** A refusal found by the table, as a user error. */
export function refusalError(refusal: RuleRefusal): { ok: false; userErrors: UserErrorShape[] } {
  return refuseBy({ code: refusal.rule }, refusal.message);
}
