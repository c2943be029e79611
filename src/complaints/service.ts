import { z } from 'zod';
import type { AuditLog } from '../audit/auditLog.js';
import type { Caller } from '../auth/caller.js';
import { ukCalendar } from '../calendar/holidays.js';
import { daysBetween, isIsoDate, londonDateOf } from '../calendar/londonDate.js';
import { applyCaseAction, readCase } from '../cases/caseActions.js';
import { listQueue } from '../cases/caseIndex.js';
import { statisticsBetween } from '../cases/dailyStatistics.js';
import type { Receipt, SubmissionDesk } from '../cases/submitOnce.js';
import { succeed, type Outcome } from '../errors.js';
import type { ComplaintQueueInput, ComplaintStatistics } from '../generated/graphql.js';
import type { Logger } from '../logging/logger.js';
import type { Db } from '../store/db.js';
import type { Connection, PageArgs, Paginator } from '../store/pagination.js';
import { parseInput, parseQueryInput } from '../validation/parse.js';
import * as actions from './actions.js';
import { allegationCategories, isCode } from './catalogue.js';
import type { ComplaintRecord } from './model.js';
import { queueQuery } from './queues.js';
import { COMPLAINT_STATISTICS, toComplaint, type ComplaintRepository } from './repository.js';
import { summariseStatistics } from './statistics.js';
import { actionSchemas, submitComplaintSchema } from './validation.js';

/** Each staff action: its input schema and its rule (src/complaints/actions.ts). */
const staffActions = {
  log: { schema: actionSchemas.log, rule: actions.logComplaint },
  allocate: { schema: actionSchemas.allocate, rule: actions.allocateComplaint },
  contact: { schema: actionSchemas.contact, rule: actions.recordContact },
  allegation: { schema: actionSchemas.allegation, rule: actions.addAllegation },
  late: { schema: actionSchemas.late, rule: actions.decideLateComplaint },
  handling: { schema: actionSchemas.handling, rule: actions.decideHandling },
  iopc: { schema: actionSchemas.iopc, rule: actions.recordIopcDecision },
  localResolution: { schema: actionSchemas.localResolution, rule: actions.updateLocalResolution },
  conclude: { schema: actionSchemas.conclude, rule: actions.concludeLocalResolution },
  finalise: { schema: actionSchemas.finalise, rule: actions.finaliseComplaint },
  reviewRequest: { schema: actionSchemas.reviewRequest, rule: actions.recordReviewRequest },
  reviewOutcome: { schema: actionSchemas.reviewOutcome, rule: actions.recordReviewOutcome },
  withdraw: { schema: actionSchemas.reason, rule: actions.withdrawComplaint },
  close: { schema: actionSchemas.reason, rule: actions.closeComplaint },
} as const;

export type ComplaintActionName = keyof typeof staffActions;

export interface QueueItem {
  reference: string;
  status: ComplaintRecord['status'];
  receivedAt: string;
  handler: string | null;
  lastContactOn: string | null;
  reviewWindowClosesOn: string | null;
  ageInDays: number;
}

/**
 * Complaints: public submission, and Professional Standards' record, queues, actions and figures.
 */
export class ComplaintService {
  constructor(
    private readonly db: Db,
    private readonly desk: SubmissionDesk,
    private readonly repo: ComplaintRepository,
    private readonly paginator: Paginator,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
    private readonly logger: Logger,
  ) {}

  private today(): string {
    return londonDateOf(this.now());
  }

  async submit(raw: { honeypot?: string | null } & Record<string, unknown>, caller: Caller): Promise<Outcome<Receipt>> {
    const decoy = this.desk.honeypotReceipt('COMPLAINT', raw.honeypot);
    if (decoy) {
      this.logger.info('complaint honeypot filled; nothing stored', { event: 'honeypot' });
      return succeed(decoy);
    }
    const parsed = parseInput(submitComplaintSchema(this.today()), raw);
    if (!parsed.ok) return parsed;
    const { idempotencyKey, ...canonical } = parsed.value;
    return this.desk.submit({
      caseType: 'COMPLAINT',
      idempotencyKey,
      canonicalInput: canonical,
      sourceHash: caller.sourceHash,
      duplicateContent: [canonical.complainant.name, canonical.incident],
      auditFields: Object.keys(canonical).filter((k) => (canonical as Record<string, unknown>)[k] !== null),
      caseItems: async (created) => this.repo.newComplaintItems(created, parsed.value),
    });
  }

  /** A staff read of the whole record: audited before it is returned. */
  get(reference: string, caller: Caller): Promise<ComplaintRecord | null> {
    return readCase(this.audit, { caseType: 'COMPLAINT', reference, caller, now: this.now(), load: async (ref) => (await this.repo.get(ref))?.record });
  }

  async act(name: ComplaintActionName, raw: { reference: string; expectedVersion: number } & Record<string, unknown>, caller: Caller): Promise<Outcome<ComplaintRecord>> {
    if (caller.kind !== 'staff') throw new Error('complaint actions are for staff');
    const today = this.today();
    const spec = staffActions[name];
    const ctx = { today, actor: caller.name, calendar: ukCalendar };
    const rule = spec.rule as (c: ComplaintRecord, input: unknown, ctx: actions.ActionContext) => Outcome<actions.Change>;
    return applyCaseAction(this.db, this.audit, {
      caseType: 'COMPLAINT',
      caseName: 'complaint',
      raw,
      schema: spec.schema(today) as z.ZodType<unknown>,
      caller,
      now: this.now(),
      toRecord: toComplaint,
      rule: (c, input) => rule(c, input, ctx),
      followUps: (before, after, decision) => this.repo.followUps(before, after, decision.stats),
    });
  }

  async queue(input: ComplaintQueueInput, page: PageArgs, caller: Caller): Promise<Connection<QueueItem>> {
    const valid = parseQueryInput(
      z
        .object({
          queue: z.string(),
          handler: z.string().trim().max(100).nullish(),
          status: z.string().nullish(),
          category: z.string().nullish(),
          from: z.string().refine(isIsoDate, 'Give dates as YYYY-MM-DD.').nullish(),
          to: z.string().refine(isIsoDate, 'Give dates as YYYY-MM-DD.').nullish(),
        })
        .superRefine((v, ctx) => {
          if (v.queue === 'BY_STATUS' && !v.status) ctx.addIssue({ code: 'custom', path: ['status'], message: 'Give the status to list.' });
          if (v.queue === 'BY_CATEGORY' && !(v.category && isCode(allegationCategories, v.category))) {
            ctx.addIssue({ code: 'custom', path: ['category'], message: 'Give an allegation category code.' });
          }
          if (v.queue === 'RECEIVED_BETWEEN' && !(v.from && v.to)) ctx.addIssue({ code: 'custom', path: ['from'], message: 'Give from and to.' });
          if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The range ends before it starts.' });
        }),
      input,
    );
    const today = this.today();
    const handler = valid.handler || (caller.kind === 'staff' ? caller.name : '');
    const query = queueQuery({ ...input, handler }, today);
    return listQueue(this.paginator, query.queue, query.range, query.ascending, page, (item) => ({
      reference: item.reference as string,
      status: item.status as ComplaintRecord['status'],
      receivedAt: item.receivedAt as string,
      handler: (item.handler as string | null) ?? null,
      lastContactOn: (item.lastContactOn as string | null) ?? null,
      reviewWindowClosesOn: (item.reviewWindowClosesOn as string | null) ?? null,
      ageInDays: daysBetween(londonDateOf(new Date(item.receivedAt as string)), today),
    }));
  }

  async statistics(input: { from: string; to: string }): Promise<ComplaintStatistics> {
    const counts = await statisticsBetween(this.db, COMPLAINT_STATISTICS, input.from, input.to);
    return summariseStatistics(counts, input.from, input.to);
  }
}
