import { randomUUID } from 'node:crypto';
import type { AuditLog } from '../audit/auditLog.js';
import type { AuditActor } from '../audit/model.js';
import type { KeyedHasher } from '../crypto/keyedHash.js';
import { refuse, succeed, type Outcome } from '../errors.js';
import { expiryEpochSeconds, type RetentionSchedule } from '../retention/schedule.js';
import { nextNumber } from '../store/counters.js';
import type { Db, Item, TransactItem } from '../store/db.js';
import { keys } from '../store/keys.js';
import type { RateLimiter, RateRule } from '../store/rateLimiter.js';
import { transactWithBackOff, type BackOff } from '../store/transactWrite.js';
import { londonDateOf, londonYearOf } from '../calendar/londonDate.js';
import type { CaseType } from '../generated/graphql.js';
import { formatReference } from './reference.js';
import type { TrackingCodes } from './trackingCode.js';

/**
 * The one way a submission is stored, whatever its case type. The happy path is ONE conditional
 * write (TransactWriteItems): the idempotency record, the source's rate-limit count, the duplicate
 * guard, the case with its own items (aggregates, queue entries, statistics), the audit entry and
 * the possible-duplicate entry, all of them or none. Nothing is read first: reads happen only to
 * answer a refusal, and the refusal's reasons say which condition failed:
 *
 * 1. the idempotency record exists: a retry (concurrent or not) with the same key and input gets
 *    the first answer, tracking code included; never "rate limited" nor "duplicate", whatever else
 *    failed with it (the same key with other input is refused);
 * 2. the duplicate guard exists: the same content from the same source within the window is
 *    answered with the earlier submission's reference (no tracking code: that belongs to the
 *    first submitter's key);
 * 3. the source's count for the window is at its limit: RATE_LIMITED (nothing counted);
 * 4. a transaction conflict (another writer on one of the items) is retried with jittered
 *    exponential back-off; if it never clears, the answer is TRY_AGAIN, a user error that says a
 *    retry with the same key is safe (nothing was stored). Never an internal error.
 *
 * Page ratings (`derivedReference`) go further: their reference is derived from the idempotency
 * key (a keyed hash, so no counter item every rating would rewrite), the rating item itself is the
 * idempotency record, and it carries its own submission (who and which fields) instead of a
 * separate audit entry. A rating with a comment or contact details is still one transaction (its
 * rate count and duplicate guard with it); a bare rating is one item (`submitAsOneItem`).
 *
 * Staff logging (`log`) is not a public submission: idempotent by its key alone, never
 * rate-limited and never merged; earlier cases of the type with the same content (from any source,
 * 90 days) come back as possible duplicates, for staff to decide on.
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
  /**
   * A reference derived from the idempotency key instead of a counter, the case item doubling as
   * the idempotency record and carrying its own submission instead of an audit entry (page ratings).
   */
  derivedReference?: boolean;
  /** The case's own items. Called again if a write must be tried again. */
  caseItems: (created: CreatedCase) => Promise<TransactItem[]>;
}

/**
 * A public submission that is ONE item (a bare page rating): the case item, with a reference
 * derived from the idempotency key, is its own idempotency record and carries its own submission.
 * No rate count (the edge limits these per address: see `submitAsOneItem`), no duplicate guard.
 */
export interface OneItemSubmission {
  caseType: CaseType;
  prefix: string;
  idempotencyKey: string;
  /** The validated input without the idempotency key: a retry must send the same. */
  canonicalInput: unknown;
  /** The names of the fields given, kept on the item as its submission (never their values). */
  auditFields: string[];
  /** The case item (keep it under 1 KB and without index entries: one write unit). Called again for another reference. */
  caseItem: (created: CreatedCase) => Item;
}

export interface CreatedCase {
  reference: string;
  receivedAt: Date;
  trackingCodeHash: string;
  /** Derived references only: what the case item keeps to answer retries and show its submission. */
  own?: { idempotencyKeyHash: string; requestHash: string; submittedFields: string[] };
}

/**
 * A new case's main item: the envelope every case type shares (what trackCase, changeCase and
 * retention rely on), then the case type's own fields.
 */
export function newCaseItem(db: Db, created: CreatedCase, caseType: CaseType, expiresAt: number, fields: Item): TransactItem {
  return db.putNew(caseItem(created, caseType, expiresAt, fields));
}

/** The case item itself (see newCaseItem), for a submission that is this one item. */
export function caseItem(created: CreatedCase, caseType: CaseType, expiresAt: number, fields: Item): Item {
  const at = created.receivedAt.toISOString();
  return {
    ...keys.case(created.reference),
    kind: 'CASE',
    caseType,
    reference: created.reference,
    version: 1,
    createdAt: at,
    updatedAt: at,
    trackingCodeHash: created.trackingCodeHash,
    expiresAt,
    ...created.own,
    ...fields,
  };
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
  /** Waits between attempts when the write conflicts with another. */
  backOff?: BackOff;
}

/** Rounds of "write; on refusal, read why and write again" before answering TRY_AGAIN. */
const MAX_ROUNDS = 6;
const SIMILAR_WINDOW_SECONDS = 90 * 24 * 60 * 60;
/** The most recent cases a possible-duplicate warning names. */
const SIMILAR_KEPT = 10;
/** Derived page-rating numbers: nine digits, so they never look like a counter's. */
const DERIVED_MIN = 100_000_000;
const DERIVED_SPAN = 900_000_000;

type Label = 'idempotency' | 'rate' | 'duplicate' | 'previousYear' | 'other';
type Key = { pk: string; sk: string };

/** Content compared as people write it: case and spacing do not make two cases different. */
function normalised(content: unknown): string {
  return JSON.stringify(content, (_key, value: unknown) => (typeof value === 'string' ? value.toLowerCase().replace(/\s+/g, ' ').trim() : value));
}

export const tryAgain = () =>
  refuse('TRY_AGAIN', 'We are very busy: nothing was stored. Send the same form again (with the same idempotency key) in a few seconds.');

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
   * honeypot is empty. The same idempotency key gets the same reference and tracking code, as a
   * real retry would (a bot retrying cannot tell the trap by a changing answer).
   */
  honeypotReceipt(prefix: string, honeypot: string | null | undefined, idempotencyKey: unknown, derivedReference = false): Receipt | undefined {
    if (!honeypot || honeypot.trim() === '') return undefined;
    const now = this.now();
    const key = typeof idempotencyKey === 'string' && idempotencyKey ? idempotencyKey : randomUUID();
    const digest = Buffer.from(this.hasher.hash('decoy', `${prefix}\0${key}`), 'base64url').readUInt32BE(0);
    return {
      // Shaped like the case type's real references.
      reference: formatReference(prefix, londonYearOf(now), derivedReference ? DERIVED_MIN + (digest % DERIVED_SPAN) : 1 + (digest % 999_999)),
      trackingCode: this.trackingCodes.codeFor('DECOY', key),
      receivedAt: now.toISOString(),
      duplicateOfEarlierSubmission: false,
    };
  }

  /** A public submission: replayed, rate-limited, guarded against duplicates, all in its one write. */
  submit(request: SubmissionRequest): Promise<Outcome<Receipt>> {
    return this.store(request, false);
  }

  /**
   * A public submission that is one item, in one conditional PutItem (one write unit, no
   * transaction): nothing else is written, nothing is read first. The item's own condition
   * (`attribute_not_exists`) is the idempotency check, read only to answer a refusal:
   *
   * - the same key and input: the first answer, tracking code included (however many retries at once);
   * - the same key, other input: IDEMPOTENCY_KEY_REUSED;
   * - another key's item under the derived reference (a collision): the next derived number.
   *
   * It is not rate-limited here: a rate count would be a second item (and a transaction). Callers
   * use it only for what the edge limits per address (the WAF's rate-based rule, infra/edge.ts).
   * On New Year's Day (London) it first reads the previous year's derived reference, so that a
   * retry just after midnight finds a rating made just before it: one read, one day a year.
   */
  async submitAsOneItem(request: OneItemSubmission): Promise<Outcome<Receipt>> {
    const keyHash = this.hasher.hash('idempotency-key', request.idempotencyKey);
    const requestHash = this.hasher.hash('request', JSON.stringify(request.canonicalInput));
    const trackingCode = this.trackingCodes.codeFor(request.caseType, request.idempotencyKey);
    const trackingCodeHash = this.trackingCodes.hashOf(trackingCode);
    let probe = 0;
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      const receivedAt = this.now();
      const year = londonYearOf(receivedAt);
      if (londonDateOf(receivedAt).endsWith('-01-01')) {
        const earlier = await this.replay(keys.case(this.derivedReference(request.prefix, year - 1, keyHash, probe)), keyHash, requestHash, request, true);
        if (earlier && earlier !== 'collision') return earlier;
      }
      const reference = this.derivedReference(request.prefix, year, keyHash, probe);
      const item = request.caseItem({ reference, receivedAt, trackingCodeHash, own: { idempotencyKeyHash: keyHash, requestHash, submittedFields: request.auditFields } });
      if (await this.db.putIfAbsent(item)) {
        return succeed({ reference, trackingCode, receivedAt: receivedAt.toISOString(), duplicateOfEarlierSubmission: false });
      }
      const answer = await this.replay(keys.case(reference), keyHash, requestHash, request, true);
      if (answer === 'collision') probe++;
      else if (answer) return answer;
    }
    return tryAgain();
  }

  /**
   * A case staff log for something that arrived by post, email, phone or in person: idempotent by
   * its key alone, never rate-limited, never merged with another case. Cases of the same type with
   * the same content (from any source, within the similar window) come back as possible duplicates.
   */
  log(request: SubmissionRequest): Promise<Outcome<Receipt>> {
    return this.store(request, true);
  }

  private async store(request: SubmissionRequest, staff: boolean): Promise<Outcome<Receipt>> {
    const keyHash = this.hasher.hash('idempotency-key', request.idempotencyKey);
    const requestHash = this.hasher.hash('request', JSON.stringify(request.canonicalInput));
    const idempotencyKey = keys.idempotency(request.caseType, keyHash);
    const duplicateKey =
      staff || request.duplicateContent === undefined
        ? undefined
        : keys.duplicateGuard(this.hasher.hash('duplicate', JSON.stringify([request.caseType, request.sourceHash, request.duplicateContent])));
    const similarFingerprint =
      request.similarContent === undefined ? undefined : this.hasher.hash('similar', normalised([request.caseType, request.similarContent]));
    const trackingCode = this.trackingCodes.codeFor(request.caseType, request.idempotencyKey);
    const trackingCodeHash = this.trackingCodes.hashOf(trackingCode);
    // Staff logging names the earlier cases like this one: a read, but staff logging is not the hot path.
    const possibleDuplicateOf = staff && similarFingerprint ? await this.similarTo(similarFingerprint) : undefined;

    let sequenced: string | undefined;
    let probe = 0;
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      const receivedAt = this.now();
      const year = londonYearOf(receivedAt);
      const nowSeconds = Math.floor(receivedAt.getTime() / 1000);
      const reference = request.derivedReference
        ? this.derivedReference(request.prefix, year, keyHash, probe)
        : (sequenced ??= formatReference(request.prefix, year, await nextNumber(this.db, request.caseType, year)));
      const created: CreatedCase = {
        reference,
        receivedAt,
        trackingCodeHash,
        ...(request.derivedReference && { own: { idempotencyKeyHash: keyHash, requestHash, submittedFields: request.auditFields } }),
      };
      const labelled: Array<[Label, TransactItem]> = [];
      if (!request.derivedReference) {
        labelled.push([
          'idempotency',
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
        ]);
      } else if (londonDateOf(receivedAt).endsWith('-01-01')) {
        // A retry just after midnight on New Year's Day must find a rating made just before it.
        labelled.push(['previousYear', this.db.conditionCheck(keys.case(this.derivedReference(request.prefix, year - 1, keyHash, probe)), 'attribute_not_exists(pk)')]);
      }
      let retryAfterSeconds = 0;
      if (!staff) {
        const rate = this.rateLimiter.transactItem(`submit-${request.caseType}`, request.sourceHash, this.policy.rateLimit);
        retryAfterSeconds = rate.retryAfterSeconds;
        labelled.push(['rate', rate.item]);
      }
      if (duplicateKey) {
        labelled.push([
          'duplicate',
          this.db.putNew(
            { ...duplicateKey, kind: 'DUPLICATE', reference, receivedAt: receivedAt.toISOString(), expiresAt: nowSeconds + this.policy.duplicateWindowSeconds } satisfies Item,
            nowSeconds,
          ),
        ]);
      }
      if (!request.derivedReference) {
        labelled.push([
          'other',
          this.audit.entry({ subject: reference, at: receivedAt.toISOString(), actor: request.actor ?? { kind: 'PUBLIC' }, action: 'SUBMITTED', fields: request.auditFields, version: 1 }),
        ]);
      }
      if (similarFingerprint) {
        labelled.push([
          'other',
          this.db.put({
            ...keys.similarCase(similarFingerprint, receivedAt.toISOString(), reference),
            kind: 'SIMILAR',
            reference,
            expiresAt: nowSeconds + this.similarWindowSeconds(),
          }),
        ]);
      }
      const caseItems = await request.caseItems(created);
      // With a derived reference the case item is the idempotency record: its refusal means "this key again".
      const caseKey = keys.case(reference);
      for (const item of caseItems) labelled.push([request.derivedReference && sameKey(item, caseKey) ? 'idempotency' : 'other', item]);

      const outcome = await transactWithBackOff(this.db, labelled.map(([, item]) => item), this.policy.backOff);
      const receipt = (at: Date): Receipt => ({
        reference,
        trackingCode,
        receivedAt: at.toISOString(),
        duplicateOfEarlierSubmission: false,
        ...(possibleDuplicateOf && { possibleDuplicateOf }),
      });
      if (outcome.ok) return succeed(receipt(receivedAt));
      if ('busy' in outcome) return tryAgain();
      const failed = new Set(outcome.reasons.flatMap((r, i) => (r === 'ConditionalCheckFailed' ? [labelled[i]![0]] : [])));
      if (failed.has('idempotency') || failed.has('previousYear')) {
        const replayKey = request.derivedReference
          ? keys.case(failed.has('idempotency') ? reference : this.derivedReference(request.prefix, year - 1, keyHash, probe))
          : idempotencyKey;
        const answer = await this.replay(replayKey, keyHash, requestHash, request, Boolean(request.derivedReference));
        if (answer === 'collision') probe++;
        else if (answer) return answer;
        continue;
      }
      if (failed.has('duplicate')) {
        const duplicate = await this.duplicateOf(duplicateKey!);
        if (!duplicate) continue;
        if (request.derivedReference) return succeed(duplicate);
        // This key's answer from now on: a retry after the duplicate window is answered the same,
        // not stored as a new case. If the key was answered meanwhile, that answer stands.
        const kept = await this.db.putIfAbsent(
          {
            ...idempotencyKey,
            kind: 'IDEMPOTENCY',
            requestHash,
            reference: duplicate.reference,
            receivedAt: duplicate.receivedAt,
            duplicateOfEarlierSubmission: true,
            expiresAt: expiryEpochSeconds(this.policy.retention, 'IDEMPOTENCY_KEY', receivedAt),
          },
          nowSeconds,
        );
        if (kept) return succeed(duplicate);
        const answer = await this.replay(idempotencyKey, keyHash, requestHash, request, false);
        if (answer && answer !== 'collision') return answer;
        continue;
      }
      if (failed.has('rate')) {
        return refuse('RATE_LIMITED', `Too many submissions from your connection: try again in ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} minutes.`);
      }
      // Something the case type guards itself (a counter's condition) moved under us: write again.
    }
    return tryAgain();
  }

  /** A page rating's nine-digit number, from a keyed hash of its idempotency key (probe > 0 only after a collision). */
  private derivedReference(prefix: string, year: number, keyHash: string, probe: number): string {
    const digest = this.hasher.hash('derived-reference', `${prefix}\0${year}\0${keyHash}\0${probe}`);
    const number = DERIVED_MIN + Number(BigInt(`0x${Buffer.from(digest, 'base64url').subarray(0, 8).toString('hex')}`) % BigInt(DERIVED_SPAN));
    return formatReference(prefix, year, number);
  }

  /** The references of the newest cases with this content (within the window), newest first. */
  private async similarTo(fingerprint: string): Promise<string[]> {
    const out = await this.db.query({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.similarPartition(fingerprint) },
      ScanIndexForward: false,
      Limit: SIMILAR_KEPT,
    });
    return ((out.Items ?? []) as Item[]).filter((i) => !this.expired(i)).map((i) => i.reference as string);
  }

  private similarWindowSeconds(): number {
    return this.policy.similarWindowSeconds ?? SIMILAR_WINDOW_SECONDS;
  }

  /**
   * The first answer to this key, read from its idempotency record (or, for a derived reference,
   * the case item): undefined if there is none (it expired meanwhile), 'collision' if a derived
   * reference belongs to another key.
   */
  private async replay(key: Key, keyHash: string, requestHash: string, request: Pick<SubmissionRequest, 'caseType' | 'idempotencyKey'>, derived: boolean): Promise<Outcome<Receipt> | 'collision' | undefined> {
    const item = await this.db.get<Item>(key);
    if (!item || (!derived && this.expired(item))) return undefined;
    if (derived && item.idempotencyKeyHash !== keyHash) return 'collision';
    if (item.requestHash !== requestHash) {
      return refuse(
        'IDEMPOTENCY_KEY_REUSED',
        'This idempotency key was already used for a different submission: make a new key for each submission.',
        ['input', 'idempotencyKey'],
      );
    }
    // A key first answered as a duplicate of an earlier submission is answered so again: no tracking code (the earlier one has it).
    const duplicate = item.duplicateOfEarlierSubmission === true;
    return succeed({
      reference: item.reference as string,
      trackingCode: duplicate ? null : this.trackingCodes.codeFor(request.caseType, request.idempotencyKey),
      receivedAt: (derived ? item.createdAt : item.receivedAt) as string,
      duplicateOfEarlierSubmission: duplicate,
      ...(Array.isArray(item.possibleDuplicateOf) && { possibleDuplicateOf: item.possibleDuplicateOf as string[] }),
    });
  }

  private async duplicateOf(key: Key): Promise<Receipt | undefined> {
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

function sameKey(item: TransactItem, key: Key): boolean {
  const written = item.Put?.Item ?? item.Update?.Key;
  return written?.pk === key.pk && written?.sk === key.sk;
}
