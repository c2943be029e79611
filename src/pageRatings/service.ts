import * as z from 'zod';
import type { AuditLog } from '../audit/auditLog.js';
import { actorOf } from '../audit/model.js';
import type { Caller } from '../auth/caller.js';
import { londonDateOf } from '../calendar/londonDate.js';
import type { Receipt, SubmissionDesk } from '../cases/submitOnce.js';
import { changeCase } from '../cases/caseChanges.js';
import { pageRatingTrackable } from './model.js';
import { parseReferenceParts } from '../cases/reference.js';
import type { AppConfig } from '../config.js';
import type { KeyedHasher } from '../crypto/keyedHash.js';
import { refuse, succeed, UserInputError, type Outcome } from '../errors.js';
import type { PageRatingReviewOutcome, PageRatingSummaryInput, WorstRatedPagesInput } from '../generated/graphql.js';
import type { Logger } from '../logging/logger.js';
import type { Db } from '../store/db.js';
import type { Connection, PageArgs } from '../store/pagination.js';
import type { ReadBudget } from '../store/readBudget.js';
import { emailLookupForm, optionalEmail } from '../validation/common.js';
import { parseInput, parseQueryInput } from '../validation/parse.js';
import { summaryRange, type DateRange, type StarCounts } from './aggregates.js';
import type { PageRatingRecord, ResearchContactRecord } from './model.js';
import { redact } from '../redaction/personalData.js';
import { ALL_TIME, toRating, type PageRatingRepository, type RankedPage } from './repository.js';
import { pageUrlSchema, submitPageRatingSchema } from './validation.js';

export interface PageSummary {
  pageUrl: string;
  range: DateRange;
  counts: StarCounts;
}

/**
 * "Rate this page": public submission, and the web team's views of the results.
 */
export class PageRatingService {
  private readonly submitSchema;
  private readonly pageUrl;
  /** pageRatingSummary's page, inside its `input` (so a refusal's field is ["input", "pageUrl"]). */
  private readonly summaryPage;

  constructor(
    config: AppConfig,
    private readonly db: Db,
    private readonly desk: SubmissionDesk,
    private readonly repo: PageRatingRepository,
    private readonly audit: AuditLog,
    private readonly hasher: KeyedHasher,
    private readonly now: () => Date,
    private readonly logger: Logger,
  ) {
    this.submitSchema = submitPageRatingSchema(config.allowedPageHosts);
    this.pageUrl = pageUrlSchema(config.allowedPageHosts);
    this.summaryPage = z.object({ pageUrl: this.pageUrl });
  }

  async submit(raw: { honeypot?: string | null } & Record<string, unknown>, caller: Caller): Promise<Outcome<Receipt>> {
    const decoy = this.desk.honeypotReceipt('WEB', raw.honeypot, raw.idempotencyKey, true);
    if (decoy) {
      this.logger.info('page rating honeypot filled; nothing stored', { event: 'honeypot' });
      return succeed(decoy);
    }
    const parsed = parseInput(this.submitSchema, raw);
    if (!parsed.ok) return parsed;
    const input = parsed.value;
    const comment = input.comment === null ? null : redact(input.comment);
    const email = input.researchContact?.email ?? null;
    const emailHash = email === null ? null : this.hasher.hash('research-contact-email', emailLookupForm(email));
    const { idempotencyKey, ...canonical } = input;
    const auditFields = ['pageUrl', 'rating', ...(comment ? ['comment'] : []), ...(input.researchContact ? ['researchContact'] : [])];
    if (input.comment === null && input.researchContact === null) {
      // Bare stars: one item in one PutItem. Limited per address at the edge (WAF), not by a rate
      // count here (a second item); counted from the table's stream (src/pageRatings/dayCountStore.ts).
      return this.desk.submitAsOneItem({
        caseType: 'PAGE_RATING',
        prefix: 'WEB',
        idempotencyKey,
        canonicalInput: canonical,
        auditFields,
        caseItem: (created) => this.repo.newRatingItem(created, input, null),
      });
    }
    return this.desk.submit({
      caseType: 'PAGE_RATING',
      prefix: 'WEB',
      idempotencyKey,
      canonicalInput: canonical,
      sourceHash: caller.sourceHash,
      // No counter, no separate idempotency record or audit entry: see SubmissionRequest.derivedReference.
      derivedReference: true,
      // Only something a person wrote makes two ratings "the same" (bare stars from one address, a
      // family, an office, a library behind one router, are different people's, each counted).
      duplicateContent: [input.pageUrl.pageKey, input.rating, input.comment, email],
      auditFields,
      caseItems: (created) => this.repo.newRatingItems(created, input, comment, emailHash),
    });
  }

  /** A staff read of one rating: audited before it is returned. */
  async get(reference: string, caller: Caller): Promise<PageRatingRecord | null> {
    const parsed = parseReferenceParts(reference);
    if (parsed?.prefix !== pageRatingTrackable.prefix) return null;
    const rating = await this.repo.get(parsed.reference);
    if (!rating) return null;
    await this.audit.recordReads({ subjects: [parsed.reference], actor: actorOf(caller), action: 'READ', fields: ['PAGE_RATING'], at: this.now().toISOString() });
    return rating;
  }

  async summary(input: PageRatingSummaryInput): Promise<PageSummary> {
    const { pageUrl: page } = parseQueryInput(this.summaryPage, { pageUrl: input.pageUrl });
    const range = summaryRange(input, londonDateOf(this.now()));
    if (!range.ok) throw new UserInputError([{ field: ['input', range.field], message: range.message, code: range.code ?? 'INVALID' }]);
    return { pageUrl: page.pageUrl, range: range.range, counts: await this.repo.countsForRange(page.pageKey, range.range) };
  }

  /** Within the request's read budget (shared with its other fields: src/store/readBudget.ts). */
  async worstRated(input: WorstRatedPagesInput, page: PageArgs, budget?: ReadBudget): Promise<Connection<RankedPage>> {
    const valid = parseQueryInput(
      z.object({
        month: z
          .string()
          .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Give the month as YYYY-MM, or leave it out for all time.')
          .nullish(),
        minimumRatings: z.number().int().min(1, 'The minimum is 1 to 10,000 ratings.').max(10_000, 'The minimum is 1 to 10,000 ratings.').nullish(),
      }),
      input,
    );
    return this.repo.ranking(valid.month ?? ALL_TIME, valid.minimumRatings ?? 5, page, budget);
  }

  /** A page's comments: a staff read of each rating listed, audited as one entry naming them all. */
  async comments(pageUrl: string, page: PageArgs, caller: Caller): Promise<Connection<PageRatingRecord>> {
    const parsed = parseQueryInput(this.pageUrl, pageUrl, 'pageUrl');
    const connection = await this.repo.comments(parsed.pageKey, page);
    await this.audit.recordListRead({
      list: 'pageComments',
      subjects: connection.edges.map((e) => e.node.reference),
      actor: actorOf(caller),
      action: 'READ_IN_LIST',
      fields: [],
      at: this.now().toISOString(),
    });
    return connection;
  }

  /** Research contacts: personal data, so the read is audited (one entry naming every contact shown) before it is shown. */
  async researchContacts(page: PageArgs, caller: Caller): Promise<Connection<ResearchContactRecord>> {
    const connection = await this.repo.researchContacts(page);
    await this.audit.recordListRead({
      list: 'researchContacts',
      subjects: connection.edges.map((e) => e.node.reference),
      actor: actorOf(caller),
      action: 'RESEARCH_CONTACT_READ',
      fields: ['researchContact.name', 'researchContact.email'],
      at: this.now().toISOString(),
    });
    return connection;
  }

  /** A rating's audit trail: its submission (carried by the rating itself), then every entry about it. */
  async auditTrail(rating: PageRatingRecord & { submittedFields?: string[] }) {
    const entries = await this.audit.list(rating.reference);
    const submitted = { subject: rating.reference, at: rating.receivedAt, actor: { kind: 'PUBLIC' as const }, action: 'SUBMITTED', fields: rating.submittedFields ?? [], version: 1 };
    return entries.some((e) => e.action === 'SUBMITTED') ? entries : [submitted, ...entries];
  }

  async review(
    input: { reference: string; expectedVersion: number; outcome: PageRatingReviewOutcome },
    caller: Caller,
  ): Promise<Outcome<PageRatingRecord>> {
    const { reference, expectedVersion, ...fields } = input;
    const valid = parseInput(z.object({ outcome: z.enum(['ACTIONED', 'NO_ACTION', 'SPAM']) }), fields);
    if (!valid.ok) return valid;
    const notFound = () => refuse('NOT_FOUND', 'There is no page rating with this reference.', ['input', 'reference']);
    const parsed = parseReferenceParts(reference);
    if (parsed?.prefix !== pageRatingTrackable.prefix) return notFound();
    // A rating may be reviewed again (a later look can change the outcome): no state to refuse.
    const changed = await changeCase(this.db, this.audit, {
      reference: parsed.reference,
      expectedVersion,
      actor: actorOf(caller),
      now: this.now(),
      decide: (current) =>
        current.caseType === 'PAGE_RATING' ? succeed({ set: { status: 'REVIEWED', reviewOutcome: valid.value.outcome }, action: 'REVIEWED' }) : notFound(),
    });
    return changed.ok ? succeed(toRating(changed.value)) : changed;
  }

  /** A request to erase: every set of research-contact details given with this email address. */
  async eraseResearchContact(input: { email: string }, caller: Caller): Promise<Outcome<{ erasedCount: number }>> {
    const parsed = parseInput(z.object({ email: optionalEmail.refine((v) => v !== null, { message: 'Give the email address to erase.', params: { code: 'REQUIRED' } }) }), input);
    if (!parsed.ok) return parsed;
    const emailHash = this.hasher.hash('research-contact-email', emailLookupForm(parsed.value.email!));
    const references = await this.repo.contactsByEmail(emailHash);
    const at = this.now().toISOString();
    // Each erasure is its own transaction (the contact item, the rating's flag, the audit entry),
    // so one that fails leaves the others done and can simply be asked for again.
    for (const reference of references) {
      const entry = this.audit.entry({
        subject: reference,
        at,
        actor: actorOf(caller),
        action: 'RESEARCH_CONTACT_ERASED',
        fields: ['researchContact'],
        version: null,
      });
      const outcome = await this.db.transact([...this.repo.eraseContactItems(reference, at), entry]);
      if (!outcome.ok) throw new Error('erasure could not be written');
    }
    this.logger.info('research contacts erased', { event: 'erasure', count: references.length });
    return succeed({ erasedCount: references.length });
  }

}
