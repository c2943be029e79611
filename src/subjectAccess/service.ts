import { z } from 'zod';
import type { AuditLog } from '../audit/auditLog.js';
import { actorOf } from '../audit/model.js';
import type { Caller } from '../auth/caller.js';
import { ukCalendar } from '../calendar/holidays.js';
import { londonDateOf } from '../calendar/londonDate.js';
import { applyCaseAction, readCase } from '../cases/caseActions.js';
import { listQueue } from '../cases/caseIndex.js';
import { statisticsBetween } from '../cases/dailyStatistics.js';
import type { Receipt, SubmissionDesk } from '../cases/submitOnce.js';
import type { SarClockEvent } from '../clocks/sarClock.js';
import { succeed, type Outcome } from '../errors.js';
import type { SubjectAccessQueueInput, SubjectAccessStatistics } from '../generated/graphql.js';
import type { Logger } from '../logging/logger.js';
import type { Db } from '../store/db.js';
import type { Connection, PageArgs, Paginator } from '../store/pagination.js';
import { parseInput, parseQueryInput } from '../validation/parse.js';
import * as actions from './actions.js';
import { acroSignpost, looksLikeCriminalRecordRequest } from './criminalRecord.js';
import type { SarRecord } from './model.js';
import { sarQueueQuery } from './queues.js';
import { SAR_STATISTICS, toSar, type SarRepository } from './repository.js';
import { logSarSchema, sarActionSchemas, submitSarSchema } from './validation.js';

type Ctx = actions.SarActionContext;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each rule narrows `input` to its own action's shape
type Rule = (r: SarRecord, input: any, ctx: Ctx) => Outcome<actions.SarChange>;

const clockRule =
  (type: 'IDENTITY_REQUESTED' | 'IDENTITY_RECEIVED' | 'CLARIFICATION_REQUESTED' | 'CLARIFICATION_RECEIVED'): Rule =>
  (r, input: { on: string; reason: string | null }, ctx) =>
    actions.clockEvent(r, { type, on: input.on } as SarClockEvent, input.reason, ctx);

/** Each staff action: its input schema and its rule (src/subjectAccess/actions.ts). */
const staffActions: Record<string, { schema: (today: string) => z.ZodType; rule: Rule }> = {
  allocate: { schema: sarActionSchemas.allocate, rule: actions.allocate },
  requestIdentity: { schema: sarActionSchemas.clockRequest, rule: clockRule('IDENTITY_REQUESTED') },
  recordIdentity: { schema: sarActionSchemas.clockAnswer, rule: clockRule('IDENTITY_RECEIVED') },
  requestClarification: { schema: sarActionSchemas.clockRequest, rule: clockRule('CLARIFICATION_REQUESTED') },
  recordClarification: { schema: sarActionSchemas.clockAnswer, rule: clockRule('CLARIFICATION_RECEIVED') },
  extend: {
    schema: sarActionSchemas.extend,
    rule: (r, input: { on: string; months: number; reason: string }, ctx) =>
      actions.clockEvent(r, { type: 'EXTENDED', on: input.on, months: input.months, reason: input.reason }, input.reason, ctx),
  },
  regime: { schema: sarActionSchemas.regime, rule: actions.decideRegime },
  search: { schema: sarActionSchemas.search, rule: actions.recordSearch },
  restrictions: { schema: sarActionSchemas.restrictions, rule: actions.recordRestrictions },
  respond: { schema: sarActionSchemas.respond, rule: actions.respond },
  withdraw: { schema: sarActionSchemas.reason, rule: actions.withdraw },
  close: { schema: sarActionSchemas.reason, rule: actions.close },
};

export type SarActionName = keyof typeof staffActions;

export interface SarSubmission {
  receipt: Receipt | null;
  signpost: typeof acroSignpost | null;
}

/**
 * Subject access requests: the public form, requests staff log, and the information-rights team's
 * record, clock, queues, actions and figures. Only information-rights staff reach any of it.
 */
export class SarService {
  constructor(
    private readonly db: Db,
    private readonly desk: SubmissionDesk,
    private readonly repo: SarRepository,
    private readonly paginator: Paginator,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
    private readonly logger: Logger,
  ) {}

  private today(): string {
    return londonDateOf(this.now());
  }

  async submit(raw: { honeypot?: string | null } & Record<string, unknown>, caller: Caller): Promise<Outcome<SarSubmission>> {
    const decoy = this.desk.honeypotReceipt('SAR', raw.honeypot);
    if (decoy) {
      this.logger.info('subject access honeypot filled; nothing stored', { event: 'honeypot' });
      return succeed({ receipt: decoy, signpost: null });
    }
    const parsed = parseInput(submitSarSchema(this.today()), raw);
    if (!parsed.ok) return parsed;
    const { idempotencyKey, confirmNotOnlyCriminalRecord, ...form } = parsed.value;
    if (!confirmNotOnlyCriminalRecord && looksLikeCriminalRecordRequest(form.scope.description)) {
      this.logger.info('subject access request signposted to ACRO; nothing stored', { event: 'signposted' });
      return succeed({ receipt: null, signpost: acroSignpost });
    }
    return this.store(idempotencyKey, form, caller, { channel: 'WEB', identityVerified: false });
  }

  async log(raw: Record<string, unknown>, caller: Caller): Promise<Outcome<SarSubmission>> {
    const parsed = parseInput(logSarSchema(this.today()), raw);
    if (!parsed.ok) return parsed;
    const { idempotencyKey, channel, receivedOn, identityVerified, ...form } = parsed.value;
    return this.store(idempotencyKey, form, caller, { channel, receivedOn, identityVerified });
  }

  private async store(
    idempotencyKey: string,
    form: Omit<z.infer<ReturnType<typeof submitSarSchema>>, 'idempotencyKey' | 'confirmNotOnlyCriminalRecord'>,
    caller: Caller,
    arrival: { channel: SarRecord['channel']; receivedOn?: string; identityVerified: boolean },
  ): Promise<Outcome<SarSubmission>> {
    const outcome = await this.desk.submit({
      caseType: 'SUBJECT_ACCESS',
      prefix: 'SAR',
      idempotencyKey,
      canonicalInput: { form, arrival },
      sourceHash: caller.sourceHash,
      duplicateContent: [form.requester.name, form.requester.dateOfBirth, form.scope.description],
      auditFields: ['requester', 'scope', 'format', ...(form.agent ? ['agent'] : []), `channel:${arrival.channel}`],
      actor: actorOf(caller),
      caseItems: async (created) => this.repo.newRequestItems(created, form, arrival),
    });
    return outcome.ok ? succeed({ receipt: outcome.value, signpost: null }) : outcome;
  }

  /** A staff read of the whole record: audited before it is returned. */
  get(reference: string, caller: Caller): Promise<SarRecord | null> {
    return readCase(this.audit, { caseType: 'SUBJECT_ACCESS', reference, caller, now: this.now(), load: (ref) => this.repo.get(ref) });
  }

  async act(name: SarActionName, raw: { reference: string; expectedVersion: number } & Record<string, unknown>, caller: Caller): Promise<Outcome<SarRecord>> {
    if (caller.kind !== 'staff') throw new Error('subject access actions are for staff');
    const today = this.today();
    const spec = staffActions[name]!;
    const ctx: Ctx = { today, now: this.now(), actor: actorOf(caller), calendar: ukCalendar };
    return applyCaseAction(this.db, this.audit, {
      caseType: 'SUBJECT_ACCESS',
      caseName: 'subject access request',
      raw,
      schema: spec.schema(today) as z.ZodType<unknown>,
      caller,
      now: ctx.now,
      toRecord: toSar,
      rule: (r, input) => spec.rule(r, input, ctx),
      followUps: (before, after, decision) => this.repo.followUps(before, after, decision.stats),
    });
  }

  async queue(input: SubjectAccessQueueInput, page: PageArgs, caller: Caller): Promise<Connection<unknown>> {
    const valid = parseQueryInput(
      z
        .object({
          queue: z.string(),
          withinDays: z.number().int().min(1, 'Look 1 to 90 days ahead.').max(90, 'Look 1 to 90 days ahead.').nullish(),
          status: z.string().nullish(),
          handler: z.string().trim().max(100).nullish(),
        })
        .refine((v) => v.queue !== 'BY_STATUS' || v.status, { message: 'Give the status to list.', path: ['status'] }),
      input,
    );
    const handler = valid.handler || (caller.kind === 'staff' ? caller.name : '');
    const query = sarQueueQuery({ queue: input.queue, withinDays: valid.withinDays ?? 7, status: valid.status, handler }, this.today());
    return listQueue(this.paginator, query.queue, query.range, true, page, (item) => ({
      reference: item.reference,
      status: item.status,
      receivedAt: item.receivedAt,
      handler: item.handler ?? null,
      dueOn: item.dueOn ?? null,
    }));
  }

  async statistics(input: { from: string; to: string }): Promise<SubjectAccessStatistics> {
    const n = await statisticsBetween(this.db, SAR_STATISTICS, input.from, input.to);
    const count = (k: string) => n[k] ?? 0;
    const outcomes = ['DISCLOSED_IN_FULL', 'DISCLOSED_IN_PART', 'NOTHING_HELD', 'REFUSED_MANIFESTLY_UNFOUNDED', 'REFUSED_EXCESSIVE'];
    const names: Record<string, string> = {
      DISCLOSED_IN_FULL: 'Disclosed in full',
      DISCLOSED_IN_PART: 'Disclosed in part',
      NOTHING_HELD: 'Nothing held',
      REFUSED_MANIFESTLY_UNFOUNDED: 'Refused: manifestly unfounded',
      REFUSED_EXCESSIVE: 'Refused: manifestly excessive',
    };
    return {
      from: input.from,
      to: input.to,
      received: count('received'),
      completed: count('completed'),
      completedWithinDeadline: count('completedWithinDeadline'),
      shareCompletedWithinDeadline: count('completed') ? Math.round((count('completedWithinDeadline') / count('completed')) * 1000) / 1000 : null,
      extensions: count('extensions'),
      outcomes: outcomes.map((code) => ({ code, name: names[code]!, count: count(`outcome_${code}`) })).filter((o) => o.count > 0),
    };
  }
}
