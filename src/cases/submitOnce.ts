import { randomInt, randomUUID } from 'node:crypto';
import type { AuditLog } from '../audit/auditLog.js';
import type { AuditActor } from '../audit/model.js';
import type { KeyedHasher } from '../crypto/keyedHash.js';
import { RateLimitedError, refuse, succeed, type Outcome } from '../errors.js';
import { expiryEpochSeconds, type RetentionSchedule } from '../retention/schedule.js';
import { nextNumber } from '../store/counters.js';
import type { Db, Item, TransactItem } from '../store/db.js';
import { keys } from '../store/keys.js';
import type { RateLimiter, RateRule } from '../store/rateLimiter.js';
import { londonYearOf } from '../calendar/londonDate.js';
import type { CaseType } from '../generated/graphql.js';
import { formatReference } from './reference.js';
import type { TrackingCodes } from './trackingCode.js';

/**
 * The one way a public submission is stored, whatever its case type:
 *
 * 1. a retry with the same idempotency key and input gets the first answer back, tracking code
 *    included, and nothing new is stored (the same key with other input is refused);
 * 2. each source may submit only so often (the source is a keyed hash of its address);
 * 3. the same content from the same source within the duplicate window is stored once;
 * 4. otherwise a reference is allocated and the case, its idempotency record, its duplicate guard
 *    and its audit entry are written in one transaction: all of them or none.
 *
 * Races are settled by the transaction's conditions, not by the reads before it.
 *
 * Staff logging (`log`) is not a public submission: it is idempotent by its key alone (step 1),
 * never rate-limited and never merged (no steps 2 and 3): each letter, email or call logged is its
 * own case with its own day of receipt, channel and identity. A case with the same content logged
 * or submitted before is only a possible duplicate, shown to staff by its reference to decide on.
 */
export interface SubmissionRequest {
  caseType: CaseType;
  /** The case type's reference prefix. */
  prefix: string;
  idempotencyKey: string;
  /** The validated input without the idempotency key: a retry must send the same. */
  canonicalInput: unknown;
  sourceHash: string;
  /** The content that makes two submissions "the same"; omit to store every distinct submission. */
  duplicateContent?: unknown;
  /**
   * The content that makes two cases of this type look alike, whatever their source: kept (as a
   * keyed hash) so that staff logging can warn of a possible duplicate. Omit to keep nothing.
   */
  similarContent?: unknown;
  /** The names of the fields given, for the audit entry (never their values). */
  auditFields: string[];
  /** Who submitted it, for the audit entry: the public unless staff logged it for someone. */
  actor?: AuditActor;
  /** The case's own items. Called again if a concurrent write to a shared item forces a retry. */
  caseItems: (created: CreatedCase) => Promise<TransactItem[]>;
}

export interface CreatedCase {
  reference: string;
  receivedAt: Date;
  trackingCodeHash: string;
}

/**
 * A new case's main item: the envelope every case type shares (what trackCase, changeCase and
 * retention rely on), then the case type's own fields.
 */
export function newCaseItem(db: Db, created: CreatedCase, caseType: CaseType, expiresAt: number, fields: Item): TransactItem {
  const at = created.receivedAt.toISOString();
  return db.putNew({
    ...keys.case(created.reference),
    kind: 'CASE',
    caseType,
    reference: created.reference,
    version: 1,
    createdAt: at,
    updatedAt: at,
    trackingCodeHash: created.trackingCodeHash,
    expiresAt,
    ...fields,
  });
}

export interface Receipt {
  reference: string;
  trackingCode: string | null;
  receivedAt: string;
  duplicateOfEarlierSubmission: boolean;
  /** Staff logging only: earlier cases of this type with the same content, for staff to decide on. */
  possibleDuplicateOf?: string[];
}

export interface SubmissionPolicy {
  rateLimit: RateRule;
  duplicateWindowSeconds: number;
  retention: RetentionSchedule;
  /** How long a case's content is remembered for possible-duplicate warnings (90 days unless given). */
  similarWindowSeconds?: number;
}

const MAX_ATTEMPTS = 5;
const SIMILAR_WINDOW_SECONDS = 90 * 24 * 60 * 60;
/** The most recent cases a possible-duplicate marker remembers. */
const SIMILAR_KEPT = 10;

interface SimilarCase {
  reference: string;
  receivedAt: string;
}

/** Content compared as people write it: case and spacing do not make two cases different. */
function normalised(content: unknown): string {
  return JSON.stringify(content, (_key, value: unknown) => (typeof value === 'string' ? value.toLowerCase().replace(/\s+/g, ' ').trim() : value));
}

export class SubmissionDesk {
  constructor(
    private readonly db: Db,
    private readonly hasher: KeyedHasher,
    private readonly trackingCodes: TrackingCodes,
    private readonly rateLimiter: RateLimiter,
    private readonly audit: AuditLog,
    private readonly policy: SubmissionPolicy,
    private readonly now: () => Date,
  ) {}

  /**
   * A filled honeypot (the form's hidden trap field) marks an automated submission: it gets a
   * receipt that looks real, so the bot learns nothing, and nothing is stored. Undefined when the
   * honeypot is empty.
   */
  honeypotReceipt(prefix: string, honeypot: string | null | undefined): Receipt | undefined {
    if (!honeypot || honeypot.trim() === '') return undefined;
    const now = this.now();
    return {
      reference: formatReference(prefix, londonYearOf(now), randomInt(1, 1_000_000)),
      trackingCode: this.trackingCodes.codeFor('DECOY', randomUUID()),
      receivedAt: now.toISOString(),
      duplicateOfEarlierSubmission: false,
    };
  }

  async submit(request: SubmissionRequest): Promise<Outcome<Receipt>> {
    const idempotencyKey = keys.idempotency(request.caseType, this.hasher.hash('idempotency-key', request.idempotencyKey));
    const requestHash = this.hasher.hash('request', JSON.stringify(request.canonicalInput));

    const earlier = await this.replay(idempotencyKey, requestHash, request);
    if (earlier) return earlier;

    try {
      await this.rateLimiter.hit(`submit-${request.caseType}`, request.sourceHash, this.policy.rateLimit);
    } catch (error) {
      if (error instanceof RateLimitedError) {
        return refuse('RATE_LIMITED', `Too many submissions from your connection: try again in ${Math.ceil(error.retryAfterSeconds / 60)} minutes.`);
      }
      throw error;
    }

    const duplicateKey =
      request.duplicateContent === undefined
        ? undefined
        : keys.duplicateGuard(
            this.hasher.hash('duplicate', JSON.stringify([request.caseType, request.sourceHash, request.duplicateContent])),
          );
    if (duplicateKey) {
      const duplicate = await this.duplicateOf(duplicateKey);
      if (duplicate) return succeed(duplicate);
    }
    return this.store(request, { idempotencyKey, requestHash, duplicateKey, staff: false });
  }

  /**
   * A case staff log for something that arrived by post, email, phone or in person: idempotent by
   * its key alone, never rate-limited, never merged with another case. Cases of the same type with
   * the same content (from any source, within the similar window) come back as possible duplicates.
   */
  async log(request: SubmissionRequest): Promise<Outcome<Receipt>> {
    const idempotencyKey = keys.idempotency(request.caseType, this.hasher.hash('idempotency-key', request.idempotencyKey));
    const requestHash = this.hasher.hash('request', JSON.stringify(request.canonicalInput));
    const earlier = await this.replay(idempotencyKey, requestHash, request);
    if (earlier) return earlier;
    return this.store(request, { idempotencyKey, requestHash, duplicateKey: undefined, staff: true });
  }

  /** Allocates a reference and writes the case with everything that goes with it, in one transaction. */
  private async store(
    request: SubmissionRequest,
    how: { idempotencyKey: { pk: string; sk: string }; requestHash: string; duplicateKey: { pk: string; sk: string } | undefined; staff: boolean },
  ): Promise<Outcome<Receipt>> {
    const { idempotencyKey, requestHash, duplicateKey } = how;
    const similarKey =
      request.similarContent === undefined
        ? undefined
        : keys.duplicateGuard(`SIMILAR#${this.hasher.hash('similar', normalised([request.caseType, request.similarContent]))}`);
    const receivedAt = this.now();
    const year = londonYearOf(receivedAt);
    const reference = formatReference(request.prefix, year, await nextNumber(this.db, request.caseType, year));
    const trackingCode = this.trackingCodes.codeFor(request.caseType, request.idempotencyKey);
    const created: CreatedCase = { reference, receivedAt, trackingCodeHash: this.trackingCodes.hashOf(trackingCode) };
    const nowSeconds = Math.floor(receivedAt.getTime() / 1000);

    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const similar = similarKey ? await this.similarTo(similarKey) : undefined;
      const possibleDuplicateOf = how.staff ? (similar?.cases.map((c) => c.reference).reverse() ?? []) : undefined;
      const items: TransactItem[] = [
        this.db.putNew(
          {
            ...idempotencyKey,
            kind: 'IDEMPOTENCY',
            requestHash,
            reference,
            receivedAt: receivedAt.toISOString(),
            ...(possibleDuplicateOf && { possibleDuplicateOf }),
            expiresAt: expiryEpochSeconds(this.policy.retention, 'IDEMPOTENCY_KEY', receivedAt),
          },
          nowSeconds,
        ),
        ...(duplicateKey
          ? [
              this.db.putNew(
                {
                  ...duplicateKey,
                  kind: 'DUPLICATE',
                  reference,
                  receivedAt: receivedAt.toISOString(),
                  expiresAt: nowSeconds + this.policy.duplicateWindowSeconds,
                } satisfies Item,
                nowSeconds,
              ),
            ]
          : []),
        this.audit.entry({
          subject: reference,
          at: receivedAt.toISOString(),
          actor: request.actor ?? { kind: 'PUBLIC' },
          action: 'SUBMITTED',
          fields: request.auditFields,
          version: 1,
        }),
        ...(similarKey ? [this.similarMarker(similarKey, similar, { reference, receivedAt: receivedAt.toISOString() }, nowSeconds)] : []),
        ...(await request.caseItems(created)),
      ];
      const outcome = await this.db.transact(items);
      if (outcome.ok) {
        return succeed({
          reference,
          trackingCode,
          receivedAt: receivedAt.toISOString(),
          duplicateOfEarlierSubmission: false,
          ...(possibleDuplicateOf && { possibleDuplicateOf }),
        });
      }
      if (outcome.reasons[0] === 'ConditionalCheckFailed') {
        // A concurrent retry with the same key got there first: answer as it was answered.
        const replayed = await this.replay(idempotencyKey, requestHash, request);
        if (replayed) return replayed;
      }
      if (duplicateKey && outcome.reasons[1] === 'ConditionalCheckFailed') {
        const duplicate = await this.duplicateOf(duplicateKey);
        if (duplicate) return succeed(duplicate);
      }
      // Otherwise a shared item (a counter the case keeps up to date, the possible-duplicate
      // marker) moved under us: read it again and try again.
    }
    throw new Error('submission could not be stored after repeated write conflicts');
  }

  /** The cases of this content remembered by its marker (within the window), oldest first, and the marker's revision. */
  private async similarTo(key: { pk: string; sk: string }): Promise<{ cases: SimilarCase[]; revision: number } | undefined> {
    const item = await this.db.get<Item>(key);
    if (!item || this.expired(item)) return undefined;
    const since = new Date(this.now().getTime() - this.similarWindowSeconds() * 1000).toISOString();
    return { cases: ((item.cases as SimilarCase[] | undefined) ?? []).filter((c) => c.receivedAt >= since), revision: item.revision as number };
  }

  /**
   * The possible-duplicate marker with this case added: one small item per content (a keyed hash
   * of it, never the content), holding the latest cases' references. Written on the condition that
   * no one else wrote it since it was read, so that two cases logged at once both stay in it.
   */
  private similarMarker(key: { pk: string; sk: string }, earlier: { cases: SimilarCase[]; revision: number } | undefined, added: SimilarCase, nowSeconds: number): TransactItem {
    const item = {
      ...key,
      kind: 'DUPLICATE',
      cases: [...(earlier?.cases ?? []), added].slice(-SIMILAR_KEPT),
      revision: (earlier?.revision ?? 0) + 1,
      expiresAt: nowSeconds + this.similarWindowSeconds(),
    } satisfies Item;
    return earlier
      ? this.db.put(item, { expression: 'revision = :revision', values: { ':revision': earlier.revision } })
      : this.db.putNew(item, nowSeconds);
  }

  private similarWindowSeconds(): number {
    return this.policy.similarWindowSeconds ?? SIMILAR_WINDOW_SECONDS;
  }

  private async replay(
    key: { pk: string; sk: string },
    requestHash: string,
    request: SubmissionRequest,
  ): Promise<Outcome<Receipt> | undefined> {
    const item = await this.db.get<Item>(key);
    if (!item || this.expired(item)) return undefined;
    if (item.requestHash !== requestHash) {
      return refuse(
        'IDEMPOTENCY_KEY_REUSED',
        'This idempotency key was already used for a different submission: make a new key for each submission.',
        ['input', 'idempotencyKey'],
      );
    }
    return succeed({
      reference: item.reference as string,
      trackingCode: this.trackingCodes.codeFor(request.caseType, request.idempotencyKey),
      receivedAt: item.receivedAt as string,
      duplicateOfEarlierSubmission: false,
      ...(Array.isArray(item.possibleDuplicateOf) && { possibleDuplicateOf: item.possibleDuplicateOf as string[] }),
    });
  }

  private async duplicateOf(key: { pk: string; sk: string }): Promise<Receipt | undefined> {
    const item = await this.db.get<Item>(key);
    if (!item || this.expired(item)) return undefined;
    return {
      reference: item.reference as string,
      trackingCode: null,
      receivedAt: item.receivedAt as string,
      duplicateOfEarlierSubmission: true,
    };
  }

  private expired(item: Item): boolean {
    return typeof item.expiresAt === 'number' && item.expiresAt < Math.floor(this.now().getTime() / 1000);
  }
}
