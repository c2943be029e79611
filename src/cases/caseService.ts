import type { z } from 'zod';
import type { AuditLog } from '../audit/auditLog.js';
import { actorOf } from '../audit/model.js';
import type { Caller } from '../auth/caller.js';
import { CalendarCoverageError, type HolidayCalendar } from '../calendar/holidays.js';
import { londonDateOf } from '../calendar/londonDate.js';
import type { KeyedHasher } from '../crypto/keyedHash.js';
import { refuse, succeed, type Outcome } from '../errors.js';
import type { Signpost } from '../generated/graphql.js';
import type { Logger } from '../logging/logger.js';
import type { Outbox } from '../outbox/outboxItems.js';
import { expiryEpochSeconds, type RetentionSchedule } from '../retention/schedule.js';
import type { Db, Item, TransactItem } from '../store/db.js';
import { keys } from '../store/keys.js';
import type { Connection, PageArgs, Paginator } from '../store/pagination.js';
import { parseInput } from '../validation/parse.js';
import { indexChanges, listQueue } from './caseIndex.js';
import { caseUpdate, changeCase } from './caseChanges.js';
import { recordFrom, type AnyCaseType, type CaseRecord, type Intake, type IndexSet } from './contract.js';
import { statisticsBetween, statisticsUpdates } from './dailyStatistics.js';
import { tooBigForOneItem } from './itemSize.js';
import type { CaseTypeRegistry } from './registry.js';
import { newCaseItem, type Receipt, type SubmissionDesk } from './submitOnce.js';
import { negated, refusalError, refusalsOf, type ActionContext, type Change, type DailyCounts, type RuleRefusal } from './workflow.js';

/**
 * The shared machinery that runs every case type from its definition (src/cases/contract.ts):
 * public submission and staff logging, audited reads, the action runner, availableActions, queues
 * and statistics. A case type adds nothing here; it declares what differs and this runs it.
 */
export interface Submission {
  receipt: Receipt | null;
  signpost: Signpost | null;
  /** Staff logging's warnings (Intake.warnings), by payload field. */
  warnings?: Record<string, unknown>;
}

export interface AvailableAction {
  action: string;
  description: string;
  allowed: boolean;
  refusedBy: RuleRefusal[];
}

export interface CaseServiceDependencies {
  db: Db;
  desk: SubmissionDesk;
  paginator: Paginator;
  audit: AuditLog;
  hasher: KeyedHasher;
  registry: CaseTypeRegistry;
  retention: RetentionSchedule;
  calendar: HolidayCalendar;
  now: () => Date;
  logger: Logger;
  /** The messages each change causes, written in its transaction (src/outbox/). */
  outbox?: Pick<Outbox, 'items'>;
}

/**
 * Dates outside the holiday calendar's years (src/calendar/data) cannot be counted in working days:
 * a date given that far back or ahead is the caller's mistake, answered as a user error.
 */
async function outsideCalendar<T>(work: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CalendarCoverageError) {
      return refuse('OUT_OF_RANGE', `A date given is outside the years the holiday calendar covers (from ${Math.min(...error.covered)} to ${Math.max(...error.covered)}): check the dates.`);
    }
    throw error;
  }
}


export class CaseService {
  constructor(private readonly deps: CaseServiceDependencies) {}

  private today(): string {
    return londonDateOf(this.deps.now());
  }

  private context(caller: Caller): ActionContext {
    const now = this.deps.now();
    return { today: londonDateOf(now), now, actor: actorOf(caller), by: caller.kind === 'staff' ? caller.name : '', calendar: this.deps.calendar };
  }

  // ---- arriving: the public form and staff logging -------------------------------------------

  /** A public submission: honeypot, validation, signposting, then the SubmissionDesk's one write. */
  async submit(type: AnyCaseType, raw: { honeypot?: string | null } & Record<string, unknown>, caller: Caller): Promise<Outcome<Submission>> {
    const intake = type.submission;
    if (!intake) throw new Error(`${type.name} has no public form`);
    const decoy = this.deps.desk.honeypotReceipt(type.prefix, raw.honeypot, raw.idempotencyKey);
    if (decoy) {
      this.deps.logger.info('honeypot filled; nothing stored', { event: 'honeypot', caseType: type.name });
      return succeed({ receipt: decoy, signpost: null });
    }
    return this.intake(type, intake, raw, caller, false);
  }

  /** A case staff log for something that arrived by post, email or phone: audited as theirs. */
  log(type: AnyCaseType, raw: Record<string, unknown>, caller: Caller): Promise<Outcome<Submission>> {
    const intake = type.logging;
    if (!intake) throw new Error(`${type.name} cannot be logged by staff`);
    return this.intake(type, intake, raw, caller, true);
  }

  private async intake(type: AnyCaseType, intake: Intake<unknown, CaseRecord>, raw: unknown, caller: Caller, byStaff: boolean): Promise<Outcome<Submission>> {
    const parsed = parseInput(intake.schema(this.today()), raw);
    if (!parsed.ok) return parsed;
    const { idempotencyKey, ...form } = parsed.value as { idempotencyKey: string } & Record<string, unknown>;
    const signpost = intake.signpost?.(form) ?? null;
    if (signpost) {
      this.deps.logger.info('signposted elsewhere; nothing stored', { event: 'signposted', caseType: type.name });
      return succeed({ receipt: null, signpost });
    }
    if (tooBigForOneItem(form)) {
      return refuse('TOO_LONG', `This ${type.noun} is more than one record can hold: shorten the longest parts, or send the rest separately.`);
    }
    // Staff logging is never merged or rate-limited: each letter, email or call logged is its own case.
    const store = byStaff ? this.deps.desk.log.bind(this.deps.desk) : this.deps.desk.submit.bind(this.deps.desk);
    const outcome = await outsideCalendar(() => store({
      caseType: type.name,
      prefix: type.prefix,
      idempotencyKey,
      canonicalInput: form,
      sourceHash: caller.sourceHash,
      // Only the same form again (a second press, a reload with a new key) is "the same
      // submission": one that differs in anything, whoever it is from or on behalf of, is a case
      // of its own, never merged into another and lost.
      duplicateContent: form,
      // Kept only where staff log cases: the warnings are theirs.
      similarContent: type.logging ? intake.similarContent(form) : undefined,
      auditFields: intake.auditFields(form),
      actor: byStaff ? actorOf(caller) : undefined,
      caseItems: async (created) => {
        const receivedAt = created.receivedAt.toISOString();
        const record = intake.newRecord(
          form,
          { reference: created.reference, receivedAt, receivedOn: intake.receivedOn?.(form) ?? londonDateOf(created.receivedAt) },
          { hash: (purpose, value) => this.deps.hasher.hash(purpose, value) },
        );
        return [
          newCaseItem(this.deps.db, created, type.name, this.expiryOf(type, record), { ...record }),
          ...this.followUps(type, null, record, type.statistics.onCreate(record)),
          ...this.messages(type, byStaff ? 'LOGGED' : 'SUBMITTED', null, record, created.receivedAt),
        ];
      },
    }));
    return outcome.ok ? succeed({ receipt: outcome.value, signpost: null, warnings: byStaff ? intake.warnings?.(form) : undefined }) : outcome;
  }

  // ---- reading --------------------------------------------------------------------------------

  /** A case's record, without auditing: for the shared machinery only. */
  private async load<R>(type: AnyCaseType, reference: string): Promise<R | undefined> {
    const item = await this.deps.db.get<Item>(keys.case(reference));
    return item?.caseType === type.name ? recordFrom<R>(type, item) : undefined;
  }

  /**
   * A staff read of one case: the reference must be of this case type, and the read is audited
   * before the record is returned. Null for anything else, without saying which.
   */
  async get<R>(type: AnyCaseType, rawReference: string, caller: Caller): Promise<R | null> {
    const parsed = this.deps.registry.parse(rawReference);
    if (!parsed || parsed.kind.name !== type.name) return null;
    const record = await this.load<R>(type, parsed.reference);
    if (!record) return null;
    await this.deps.audit.recordReads({ subjects: [parsed.reference], actor: actorOf(caller), action: 'READ', fields: [type.name], at: this.deps.now().toISOString() });
    return record;
  }

  // ---- acting ---------------------------------------------------------------------------------

  /**
   * The one way a staff action runs on any case: validate the input; find the case; refuse through
   * the workflow table (the state, then each named rule); let the action decide against the case
   * as it is now; then write the change with its version check, audit entry, queue entries and
   * statistics in one transaction.
   */
  async act<R extends CaseRecord>(
    type: AnyCaseType,
    action: string,
    raw: { reference: string; expectedVersion: number } & Record<string, unknown>,
    caller: Caller,
  ): Promise<Outcome<R>> {
    const spec = type.workflow.actions[action];
    if (!spec) throw new Error(`${type.name} has no action ${action}`);
    const ctx = this.context(caller);
    const { reference, expectedVersion, ...fields } = raw;
    const input = parseInput(spec.input(ctx.today) as z.ZodType, fields);
    if (!input.ok) return input;
    const notFound = () => refuse('NOT_FOUND', `There is no ${type.noun} with this reference.`, ['input', 'reference']);
    const parsed = this.deps.registry.parse(reference);
    if (!parsed || parsed.kind.name !== type.name) return notFound();
    // The cases the decision reads besides this one (rarely any: then one more read, of the case itself).
    const stored = spec.related ? await this.load<R>(type, parsed.reference) : undefined;
    const related = spec.related && stored ? await this.related<R>(type, spec.related(input.value, stored)) : [];
    let before: R | undefined;
    let decided: Change<R> | undefined;
    const changed = await outsideCalendar(() => changeCase(this.deps.db, this.deps.audit, {
      reference: parsed.reference,
      expectedVersion,
      actor: ctx.actor,
      now: ctx.now,
      decide: (current) => {
        if (current.caseType !== type.name) return notFound();
        const record = recordFrom<R>(type, current);
        before = record;
        const refusal = refusalsOf(type.workflow, action, record, ctx, type.noun)[0];
        if (refusal) return refusalError(refusal);
        const decision = spec.decide(record, input.value, ctx, related) as Outcome<Change<R>>;
        if (!decision.ok) return decision;
        decided = decision.value;
        const after = { ...record, ...decision.value.set };
        this.checkDestination(type, action, record, after, ctx);
        // A DynamoDB item holds 400 KB: refuse, before writing, a change that would outgrow it.
        if (tooBigForOneItem({ ...current, ...decision.value.set })) {
          return refuse('TOO_LONG', `This ${type.noun} has reached the most a record can hold: shorten what you are adding, or ask for the record to be split.`);
        }
        return succeed({
          set: decision.value.set as Record<string, unknown>,
          action: decision.value.action,
          sideEffects: (next: Item) => {
            const nextRecord = recordFrom<R>(type, next);
            return [
              ...this.followUps(type, record, nextRecord, [...decision.value.stats, ...this.arrivalMoved(type, record, nextRecord)]),
              ...this.messages(type, action, record, nextRecord, ctx.now, next),
              ...(decision.value.alsoChange ?? []).flatMap((other) => [
                ...caseUpdate(this.deps.db, this.deps.audit, { reference: other.record.reference, expectedVersion: other.record.version, set: other.set as Record<string, unknown>, action: other.action, actor: ctx.actor, at: ctx.now.toISOString() }),
                ...this.followUps(type, other.record, { ...other.record, ...other.set }, []),
              ]),
            ];
          },
        });
      },
    }));
    if (!changed.ok) return changed;
    const after = recordFrom<R>(type, changed.value);
    if (decided) await this.afterCommit(type, before!, after);
    return succeed(after);
  }

  /** The other cases an action reads (never audited as reads: only their references are kept, in the change). */
  private async related<R>(type: AnyCaseType, references: string[]): Promise<R[]> {
    const found = await Promise.all(
      references.map((raw) => {
        const parsed = this.deps.registry.parse(raw);
        return parsed && parsed.kind.name === type.name ? this.load<R>(type, parsed.reference) : undefined;
      }),
    );
    return found.filter((r): r is Awaited<R> => r !== undefined) as R[];
  }

  /** The table says where each action may lead: a decision that leads elsewhere is a defect, never written. */
  private checkDestination(type: AnyCaseType, action: string, before: CaseRecord, after: CaseRecord, ctx: ActionContext): void {
    const spec = type.workflow.actions[action]!;
    const from = type.workflow.stateOf(before, ctx);
    const to = type.workflow.stateOf(after, ctx);
    const allowed = spec.to.length === 0 ? [from] : spec.to;
    if (!allowed.includes(to)) throw new Error(`${type.name}.${action} led from ${from} to ${to}, which its workflow row does not list`);
  }

  /** Each action of the caller's teams on this case: allowed now, or the rules that refuse it. */
  availableActions(type: AnyCaseType, record: CaseRecord, caller: Caller): AvailableAction[] {
    if (caller.kind !== 'staff') return [];
    const ctx = this.context(caller);
    return Object.entries(type.workflow.actions)
      .filter(([, spec]) => (spec?.groups ?? [type.group]).some((g) => caller.groups.includes(g)))
      .map(([action, spec]) => {
        const refusedBy = refusalsOf(type.workflow, action, record, ctx, type.noun);
        return { action, description: spec?.does ?? '', allowed: refusedBy.length === 0, refusedBy };
      });
  }

  // ---- what goes with a change ----------------------------------------------------------------

  /**
   * What a case counted on arrival belongs to its day of receipt: when a change moves that day (a
   * corrected receipt date), the counts are taken back from the old day and added to the new one.
   */
  private arrivalMoved(type: AnyCaseType, before: CaseRecord, after: CaseRecord): DailyCounts {
    if (before.receivedOn === after.receivedOn) return [];
    return [...negated(type.statistics.onCreate(before)), ...type.statistics.onCreate(after)];
  }

  private expiryOf(type: AnyCaseType, record: CaseRecord): number {
    return expiryEpochSeconds(this.deps.retention, type.name, new Date(record.receivedAt));
  }

  private indexSets(type: AnyCaseType): IndexSet<CaseRecord>[] {
    return [type.queues, ...(type.moreIndexes ?? [])];
  }

  /** Queue entries and statistics that go with a change from `before` to `after`, in its transaction. */
  private followUps(type: AnyCaseType, before: CaseRecord | null, after: CaseRecord, stats: DailyCounts): TransactItem[] {
    const { db, calendar } = this.deps;
    const expiresAt = this.expiryOf(type, after);
    return [
      ...this.indexSets(type)
        .filter((set) => !set.afterCommit)
        .flatMap((set) =>
          indexChanges(db, after.reference, before ? set.entries(before, calendar) : [], set.entries(after, calendar), {
            ...set.summary(after, calendar),
            expiresAt,
          }),
        ),
      ...statisticsUpdates(db, type.statistics.series, stats),
    ];
  }

  /** The outbox items the change causes (src/correspondence/plans/), in its transaction. */
  private messages(type: AnyCaseType, event: string, before: CaseRecord | null, after: CaseRecord, at: Date, caseItem?: Item): TransactItem[] {
    return this.deps.outbox?.items({ type, event: event as never, before, after, caseItem, at, today: londonDateOf(at), expiresAt: this.expiryOf(type, after) }) ?? [];
  }

  /** Index sets that can outgrow a transaction, written once the change has committed, 100 at a time. */
  private async afterCommit(type: AnyCaseType, before: CaseRecord, after: CaseRecord): Promise<void> {
    const { db, calendar } = this.deps;
    for (const set of this.indexSets(type).filter((s) => s.afterCommit)) {
      const was = { entries: set.entries(before, calendar), summary: set.summary(before, calendar) };
      const is = { entries: set.entries(after, calendar), summary: set.summary(after, calendar) };
      if (JSON.stringify(was) === JSON.stringify(is)) continue;
      const items = indexChanges(db, after.reference, was.entries, is.entries, is.summary);
      for (let i = 0; i < items.length; i += 100) {
        const outcome = await db.transact(items.slice(i, i + 100));
        if (!outcome.ok) throw new Error(`${type.name} index entries could not be written`);
      }
    }
  }

  // ---- lists and figures ----------------------------------------------------------------------

  /** One of the case type's queues, a page at a time; rows carry only what the queue shows. */
  queue<Row>(type: AnyCaseType, input: unknown, page: PageArgs, caller: Caller): Promise<Connection<Row>> {
    const today = this.today();
    const query = type.queues.query(input, today, caller.kind === 'staff' ? caller.name : '');
    return listQueue(this.deps.paginator, query.queue, query.range, query.ascending, page, (item) => type.queues.row(item, today) as Row);
  }

  /** The case type's figures for a date range (at most 366 days): one Query. */
  async statistics<Stats>(type: AnyCaseType, input: { from: string; to: string }): Promise<Stats> {
    const counts = await statisticsBetween(this.deps.db, type.statistics.series, input.from, input.to);
    return type.statistics.summarise(counts, input.from, input.to) as Stats;
  }
}
