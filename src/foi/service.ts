import { z } from 'zod';
import type { AuditLog } from '../audit/auditLog.js';
import { actorOf } from '../audit/model.js';
import type { Caller } from '../auth/caller.js';
import { ukCalendar } from '../calendar/holidays.js';
import { isIsoDate, londonDateOf } from '../calendar/londonDate.js';
import { workingDayWindow } from '../calendar/workingDays.js';
import { applyCaseAction, readCase } from '../cases/caseActions.js';
import { listQueue } from '../cases/caseIndex.js';
import { statisticsBetween } from '../cases/dailyStatistics.js';
import type { Receipt, SubmissionDesk } from '../cases/submitOnce.js';
import type { FoiClockEvent } from '../clocks/foiClock.js';
import type { KeyedHasher } from '../crypto/keyedHash.js';
import { succeed, type Outcome } from '../errors.js';
import type { DisclosureLogSearch, FoiQueueInput, FoiStatistics } from '../generated/graphql.js';
import type { Logger } from '../logging/logger.js';
import type { Db, Item } from '../store/db.js';
import type { Connection, PageArgs, Paginator } from '../store/pagination.js';
import { emailLookupForm } from '../validation/common.js';
import { parseInput, parseQueryInput } from '../validation/parse.js';
import * as actions from './actions.js';
import { exemption, exemptions } from './catalogue.js';
import { searchWords } from './disclosureWords.js';
import type { FoiForm, FoiRecord } from './model.js';
import { subjectAccessSignpost, looksLikeOwnDataRequest } from './ownData.js';
import { disclosureLogQueue, disclosureWordQueue, foiQueueQuery, requesterQueue } from './queues.js';
import { FOI_STATISTICS, toFoi, type FoiRepository } from './repository.js';
import { foiActionSchemas, logFoiSchema, submitFoiSchema } from './validation.js';

type Ctx = actions.FoiActionContext;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each rule narrows `input` to its own action's shape
type Rule = (r: FoiRecord, input: any, ctx: Ctx) => Outcome<actions.FoiChange>;

const event =
  (type: 'CLARIFICATION_REQUESTED' | 'CLARIFICATION_RECEIVED' | 'FEES_NOTICE_ISSUED' | 'FEE_RECEIVED'): Rule =>
  (r, input: { on: string; reason: string | null }, ctx) =>
    actions.clockEvent(r, { type, on: input.on } as FoiClockEvent, input.reason, ctx);

const staffActions: Record<string, { schema: (today: string) => z.ZodType; rule: Rule }> = {
  allocate: { schema: foiActionSchemas.allocate, rule: actions.allocate },
  requestClarification: { schema: foiActionSchemas.clockRequest, rule: event('CLARIFICATION_REQUESTED') },
  recordClarification: { schema: foiActionSchemas.clockAnswer, rule: event('CLARIFICATION_RECEIVED') },
  feesNotice: { schema: foiActionSchemas.clockRequest, rule: event('FEES_NOTICE_ISSUED') },
  feeReceived: { schema: foiActionSchemas.clockAnswer, rule: event('FEE_RECEIVED') },
  publicInterest: { schema: foiActionSchemas.publicInterest, rule: actions.extendForPublicInterest },
  respond: { schema: foiActionSchemas.respond, rule: actions.respond },
  publish: { schema: foiActionSchemas.publish, rule: actions.publish },
  reviewRequest: { schema: foiActionSchemas.reviewRequest, rule: actions.requestReview },
  reviewExtend: { schema: foiActionSchemas.reviewExtend, rule: actions.extendReview },
  reviewOutcome: { schema: foiActionSchemas.reviewOutcome, rule: actions.reviewOutcome },
  icoComplaint: {
    schema: foiActionSchemas.icoComplaint,
    rule: (r, input: { icoReference: string; receivedOn: string }, ctx) => actions.icoComplaint(r, { icoReference: input.icoReference, on: input.receivedOn }, ctx),
  },
  icoDecision: { schema: foiActionSchemas.icoDecision, rule: actions.icoDecision },
  withdraw: { schema: foiActionSchemas.reason, rule: actions.withdraw },
  close: { schema: foiActionSchemas.reason, rule: actions.close },
};

export type FoiActionName = keyof typeof staffActions;

export interface FoiSubmission {
  receipt: Receipt | null;
  signpost: typeof subjectAccessSignpost | null;
}

/** The aggregation window for s.12 and s.14: 60 working days either side of a request. */
const REQUESTER_WINDOW_WORKING_DAYS = 60;

/**
 * Freedom of Information: the public form, requests staff log, the team's record, clock, queues,
 * actions and figures, and the public disclosure log.
 */
export class FoiService {
  constructor(
    private readonly db: Db,
    private readonly desk: SubmissionDesk,
    private readonly repo: FoiRepository,
    private readonly paginator: Paginator,
    private readonly audit: AuditLog,
    private readonly hasher: KeyedHasher,
    private readonly now: () => Date,
    private readonly logger: Logger,
  ) {}

  private today(): string {
    return londonDateOf(this.now());
  }

  /** The same person, however they write their name: by email where given, else name and address. */
  private requesterKey(requester: FoiForm['requester']): string {
    const identity = requester.email
      ? `email:${emailLookupForm(requester.email)}`
      : `post:${requester.name.toLowerCase().replace(/\s+/g, ' ')}|${(requester.postalAddress ?? '').toLowerCase().replace(/[^a-z0-9]/g, '')}`;
    return this.hasher.hash('foi-requester', identity);
  }

  async submit(raw: { honeypot?: string | null } & Record<string, unknown>, caller: Caller): Promise<Outcome<FoiSubmission>> {
    const decoy = this.desk.honeypotReceipt('FOI', raw.honeypot);
    if (decoy) {
      this.logger.info('FOI honeypot filled; nothing stored', { event: 'honeypot' });
      return succeed({ receipt: decoy, signpost: null });
    }
    const parsed = parseInput(submitFoiSchema(), raw);
    if (!parsed.ok) return parsed;
    const { idempotencyKey, confirmNotOwnPersonalData, ...form } = parsed.value;
    if (!confirmNotOwnPersonalData && looksLikeOwnDataRequest(form.description)) {
      this.logger.info('FOI request pointed to subject access; nothing stored', { event: 'signposted' });
      return succeed({ receipt: null, signpost: subjectAccessSignpost });
    }
    return this.store(idempotencyKey, form, caller, { channel: 'WEB' });
  }

  async log(raw: Record<string, unknown>, caller: Caller): Promise<Outcome<FoiSubmission>> {
    const parsed = parseInput(logFoiSchema(this.today()), raw);
    if (!parsed.ok) return parsed;
    const { idempotencyKey, channel, receivedOn, ...form } = parsed.value;
    return this.store(idempotencyKey, form, caller, { channel, receivedOn });
  }

  private async store(idempotencyKey: string, form: FoiForm, caller: Caller, arrival: { channel: FoiRecord['channel']; receivedOn?: string }) {
    const outcome = await this.desk.submit({
      caseType: 'FOI',
      prefix: 'FOI',
      idempotencyKey,
      canonicalInput: { form, arrival },
      sourceHash: caller.sourceHash,
      duplicateContent: [form.requester.name, form.description],
      auditFields: ['requester', 'description', 'format', `channel:${arrival.channel}`],
      actor: actorOf(caller),
      caseItems: async (created) => this.repo.newRequestItems(created, form, { ...arrival, requesterKey: this.requesterKey(form.requester) }),
    });
    return outcome.ok ? succeed({ receipt: outcome.value, signpost: null }) : outcome;
  }

  /** A staff read of the whole record: audited before it is returned. */
  get(reference: string, caller: Caller): Promise<FoiRecord | null> {
    return readCase(this.audit, { caseType: 'FOI', reference, caller, now: this.now(), load: (ref) => this.repo.get(ref) });
  }

  async act(name: FoiActionName, raw: { reference: string; expectedVersion: number } & Record<string, unknown>, caller: Caller): Promise<Outcome<FoiRecord>> {
    if (caller.kind !== 'staff') throw new Error('FOI actions are for staff');
    const today = this.today();
    const spec = staffActions[name]!;
    const ctx: Ctx = { today, now: this.now(), actor: actorOf(caller), calendar: ukCalendar };
    return applyCaseAction(this.db, this.audit, {
      caseType: 'FOI',
      caseName: 'FOI request',
      raw,
      schema: spec.schema(today) as z.ZodType<unknown>,
      caller,
      now: ctx.now,
      toRecord: toFoi,
      rule: (r, input) => spec.rule(r, input, ctx),
      followUps: (before, after, decision) => this.repo.followUps(before, after, decision.stats),
      // A publication's search-word entries may be more than a transaction holds: written after it commits.
      afterCommit: name === 'publish' ? (before, after) => this.repo.writeDisclosureWords(before, after) : undefined,
    });
  }

  async queue(input: FoiQueueInput, page: PageArgs, caller: Caller): Promise<Connection<Item>> {
    const valid = parseQueryInput(
      z.object({
        queue: z.string(),
        withinDays: z.number().int().min(1, 'Look 1 to 60 days ahead.').max(60, 'Look 1 to 60 days ahead.').nullish(),
        handler: z.string().trim().max(100).nullish(),
      }),
      input,
    );
    const handler = valid.handler || (caller.kind === 'staff' ? caller.name : '');
    const query = foiQueueQuery({ queue: input.queue, withinDays: valid.withinDays ?? 5, handler }, this.today());
    return listQueue(this.paginator, query.queue, query.range, true, page, (item) => item);
  }

  /** Other requests by the same requester within 60 working days either side of this one. */
  async requesterHistory(reference: string, page: PageArgs, caller: Caller): Promise<Connection<Item>> {
    const r = await this.get(reference, caller);
    if (!r) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
    const window = workingDayWindow(ukCalendar, r.receivedOn, REQUESTER_WINDOW_WORKING_DAYS, 'FOIA', this.today());
    const connection = await listQueue(this.paginator, requesterQueue(r.requesterKey), window, true, page, (item) => item);
    return { ...connection, edges: connection.edges.filter((e) => e.node.reference !== r.reference) };
  }

  async statistics(input: { from: string; to: string }): Promise<FoiStatistics> {
    const n = await statisticsBetween(this.db, FOI_STATISTICS, input.from, input.to);
    const count = (k: string) => n[k] ?? 0;
    const outcomeNames: Record<string, string> = {
      PROVIDED_IN_FULL: 'Provided in full',
      PROVIDED_IN_PART: 'Provided in part',
      REFUSED: 'Refused under exemptions',
      NOT_HELD: 'Not held',
      REFUSED_COST_LIMIT: 'Refused: cost limit (s.12)',
      REFUSED_VEXATIOUS_OR_REPEATED: 'Refused: vexatious or repeated (s.14)',
    };
    const reviewNames: Record<string, string> = { UPHELD: 'Upheld', PARTLY_UPHELD: 'Partly upheld', OVERTURNED: 'Overturned' };
    const counted = (prefix: string, names: Record<string, string>) =>
      Object.entries(names)
        .map(([code, name]) => ({ code, name, count: count(`${prefix}${code}`) }))
        .filter((c) => c.count > 0);
    return {
      from: input.from,
      to: input.to,
      received: count('received'),
      answered: count('answered'),
      answeredWithin20WorkingDays: count('answeredWithin20WorkingDays'),
      shareAnsweredWithin20WorkingDays: count('answered') ? Math.round((count('answeredWithin20WorkingDays') / count('answered')) * 1000) / 1000 : null,
      outcomes: counted('outcome_', outcomeNames),
      exemptionsUsed: counted('exemption_', Object.fromEntries(exemptions.map((e) => [e.section, `s.${e.section} ${e.name}`]))),
      internalReviewsRequested: count('reviewsRequested'),
      internalReviewOutcomes: counted('review_', reviewNames),
    };
  }

  /** The public disclosure log: newest first, by date and by every search word; never the requester. */
  async disclosureLog(search: DisclosureLogSearch | null | undefined, page: PageArgs) {
    const valid = parseQueryInput(
      z
        .object({
          text: z.string().max(200, 'Search with at most 200 characters.').nullish(),
          from: z.string().refine(isIsoDate, 'Give dates as YYYY-MM-DD.').nullish(),
          to: z.string().refine(isIsoDate, 'Give dates as YYYY-MM-DD.').nullish(),
        })
        .nullish(),
      search,
      'search',
    );
    const range = { from: valid?.from ?? undefined, to: valid?.to ?? undefined };
    const words = searchWords(valid?.text ?? '', 10);
    if (words.length === 0) return listQueue(this.paginator, disclosureLogQueue, range, false, page, toDisclosure);
    const [first, ...rest] = words as [string, ...string[]];
    const found = await listQueue(
      this.paginator,
      disclosureWordQueue(first),
      range,
      false,
      page,
      (item) => ({ reference: item.reference as string, publishedOn: item.publishedOn as string }),
      rest.length
        ? {
            expression: rest.map((_, i) => `contains(#words, :w${i})`).join(' AND '),
            names: { '#words': 'words' },
            values: Object.fromEntries(rest.map((w, i) => [`:w${i}`, w])),
          }
        : undefined,
    );
    const entries = await this.repo.disclosuresFor(found.edges.map((e) => e.node));
    const byRef = new Map(entries.map((e) => [e.reference as string, e]));
    return {
      pageInfo: found.pageInfo,
      edges: found.edges.filter((e) => byRef.has(e.node.reference)).map((e) => ({ cursor: e.cursor, node: toDisclosure(byRef.get(e.node.reference)!) })),
    };
  }
}

function toDisclosure(item: Item) {
  return {
    reference: item.reference as string,
    title: item.title as string,
    question: item.question as string,
    answer: item.answer as string,
    outcome: item.outcome as FoiRecord['response'] extends infer R ? (R extends { outcome: infer O } ? O : never) : never,
    exemptions: ((item.exemptions as string[]) ?? []).map((s) => exemption(s) ?? { section: s, name: s, absolute: false }),
    publishedOn: item.publishedOn as string,
  };
}
