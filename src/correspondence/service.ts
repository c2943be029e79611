import { londonDateOf } from '../calendar/londonDate.js';
import * as z from 'zod';
import type { AuditLog } from '../audit/auditLog.js';
import { actorOf } from '../audit/model.js';
import type { Caller } from '../auth/caller.js';
import type { AnyCaseType } from '../cases/contract.js';
import type { CaseTypeRegistry } from '../cases/registry.js';
import type { KeyedHasher } from '../crypto/keyedHash.js';
import { refuse, succeed, type Outcome } from '../errors.js';
import type { CaseType } from '../generated/graphql.js';
import type { Db, Item, TransactItem } from '../store/db.js';
import { keys } from '../store/keys.js';
import type { Connection, PageArgs, Paginator } from '../store/pagination.js';
import { undeliverableKey, undeliverableQueue } from '../outbox/undeliverable.js';
import { idempotencyKey, requiredText } from '../validation/common.js';
import { parseInput } from '../validation/parse.js';
import { withheldWords, type ContactPreference } from './model.js';
import { recordFrom } from '../cases/contract.js';
import { correspondencePlans } from './plans/index.js';

/**
 * The correspondence log of any case, through the case model (not per case type): the messages
 * the outbox sent with their delivery status, and the letters, emails, calls and visits staff
 * record. Every read and every change is audited. Staff see only their own team's cases; another
 * team's reference reads as not found.
 */
export interface CorrespondenceEntryView {
  id: string;
  source: 'MESSAGE' | 'RECORDED';
  direction: 'IN' | 'OUT';
  channel: string;
  at: string;
  template: string | null;
  subject: string | null;
  status: string | null;
  statusAt: string | null;
  statusReason: string | null;
  summary: string | null;
  recordedBy: string | null;
  resolvedBy: string | null;
}

export interface UndeliverableRow {
  id: string;
  reference: string;
  messageId: string;
  template: string;
  channel: string;
  reason: string;
  failedAt: string;
}

const recordSchema = (now: Date) =>
  z.object({
    idempotencyKey,
    reference: z.string(),
    direction: z.enum(['IN', 'OUT']),
    channel: z.enum(['EMAIL', 'LETTER', 'PHONE', 'IN_PERSON']),
    at: z.iso
      .datetime({ offset: true, error: 'Give when it happened as a date and time with a UTC offset.' })
      .refine((at) => new Date(at).getTime() <= now.getTime() + 60_000, { message: 'The time cannot be in the future.', params: { code: 'INVALID' } }),
    summary: requiredText(5000, 'a summary of what was said'),
    resolvesMessageId: z.string().max(200).nullish(),
  });

export function entryView(item: Item): CorrespondenceEntryView {
  const message = item.entry === 'MESSAGE';
  return {
    id: item.id as string,
    source: message ? 'MESSAGE' : 'RECORDED',
    direction: item.direction as 'IN' | 'OUT',
    channel: item.channel as string,
    at: item.at as string,
    template: (item.template as string | undefined) ?? null,
    subject: (item.subject as string | undefined) ?? null,
    status: message ? (item.status as string) : null,
    statusAt: (item.statusAt as string | undefined) ?? null,
    statusReason: (item.statusReason as string | undefined) ?? null,
    summary: (item.summary as string | undefined) ?? null,
    recordedBy: (item.recordedBy as string | undefined) ?? null,
    resolvedBy: (item.resolvedBy as string | undefined) ?? null,
  };
}

export class CorrespondenceService {
  constructor(
    private readonly deps: { db: Db; paginator: Paginator; audit: AuditLog; hasher: KeyedHasher; registry: CaseTypeRegistry; now: () => Date },
  ) {}

  /** The case type of a reference the caller's team works on, or undefined (not found, or another team's). */
  private caseTypeFor(raw: string, caller: Caller): { type: AnyCaseType; reference: string } | undefined {
    if (caller.kind !== 'staff') return undefined;
    const parsed = this.deps.registry.parse(raw);
    const type = parsed && this.deps.registry.caseTypes.find((t) => t.name === parsed.kind.name);
    if (!parsed || !type || !correspondencePlans[type.name] || !caller.groups.includes(type.group)) return undefined;
    return { type, reference: parsed.reference };
  }

  /** A case's correspondence log, oldest first; the read is audited. (The case itself was read, and audited, by its own query.) */
  async list(reference: string, caller: Caller): Promise<CorrespondenceEntryView[]> {
    const items = await this.deps.db.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :corr)',
      ExpressionAttributeValues: { ':pk': keys.case(reference).pk, ':corr': 'CORR#' },
    });
    await this.deps.audit.recordReads({ subjects: [reference], actor: actorOf(caller), action: 'READ', fields: ['correspondence'], at: this.deps.now().toISOString() });
    // By time (a recorded entry's id is not its time); one case's log is small.
    return items.map(entryView).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Staff record a letter, email, call or visit; a retry with the same key gets the same entry back. */
  async record(raw: Record<string, unknown>, caller: Caller): Promise<Outcome<CorrespondenceEntryView>> {
    const now = this.deps.now();
    const parsed = parseInput(recordSchema(now), raw);
    if (!parsed.ok) return parsed;
    const input = parsed.value;
    const found = this.caseTypeFor(input.reference, caller);
    const notFound = () => refuse('NOT_FOUND', 'There is no case of your team with this reference.', ['input', 'reference']);
    if (!found) return notFound();
    const caseItem = await this.deps.db.get<Item>(keys.case(found.reference));
    if (!caseItem || caseItem.caseType !== found.type.name) return notFound();
    // The key's hash names the entry (not its time: a retry sent with another time is the same entry),
    // with the case's reference, so that entries of two cases never share an id.
    const id = `R${this.deps.hasher.hash('correspondence-key', `${found.reference}\0${input.idempotencyKey}`).slice(0, 16)}`;
    const key = keys.correspondence(found.reference, id);
    // What was asked, so a retry is told from a different entry sent with a key already used.
    const { idempotencyKey: _key, ...asked } = input;
    const requestHash = this.deps.hasher.hash('correspondence-request', JSON.stringify(asked));
    const reused = () =>
      refuse('IDEMPOTENCY_KEY_REUSED', 'That idempotency key was used for a different entry: nothing was recorded. Use a new key for a new entry.', ['input', 'idempotencyKey']);
    // A retry is answered as the first attempt was, before anything that may have changed since (the day of receipt, corrected).
    const earlier = await this.deps.db.get<Item>(key);
    if (earlier) return earlier.requestHash === undefined || earlier.requestHash === requestHash ? succeed(entryView(earlier)) : reused();
    // Not before the case began: a time days or years earlier is a slip of the keyboard.
    const receivedOn = (caseItem.receivedOn as string | undefined) ?? londonDateOf(new Date((caseItem.receivedAt ?? caseItem.createdAt) as string));
    if (londonDateOf(new Date(input.at)) < receivedOn) {
      return refuse('OUT_OF_RANGE', `The time is before the case was received (${receivedOn}).`, ['input', 'at']);
    }
    const at = now.toISOString();
    const item: Item = {
      ...key,
      kind: 'CORRESPONDENCE',
      entry: 'RECORDED',
      id,
      reference: found.reference,
      caseType: found.type.name,
      at: new Date(input.at).toISOString(),
      direction: input.direction,
      channel: input.channel,
      summary: input.summary,
      recordedBy: caller.kind === 'staff' ? caller.name : '',
      recordedAt: at,
      requestHash,
      expiresAt: caseItem.expiresAt,
    };
    const items: TransactItem[] = [
      this.deps.db.putNew(item),
      this.deps.audit.entry({ subject: found.reference, at, actor: actorOf(caller), action: 'CORRESPONDENCE_RECORDED', fields: ['direction', 'channel', 'at', 'summary'], version: null }),
    ];
    if (input.resolvesMessageId) {
      const messageKey = keys.correspondence(found.reference, input.resolvesMessageId);
      const message = await this.deps.db.get<Item>(messageKey);
      if (!message || message.entry !== 'MESSAGE' || message.status !== 'FAILED' || message.resolvedBy) {
        return refuse('INVALID', 'That is not an undeliverable message of this case still waiting to be dealt with.', ['input', 'resolvesMessageId']);
      }
      // What dealt with a failed message came after it was written.
      if (new Date(input.at).getTime() < new Date(message.at as string).getTime()) {
        return refuse('OUT_OF_RANGE', 'What dealt with the message cannot be earlier than the message itself.', ['input', 'at']);
      }
      items.push(
        this.deps.db.updateItem(messageKey, 'SET resolvedBy = :id, resolvedAt = :at', undefined, { ':id': id, ':at': at }, 'attribute_not_exists(resolvedBy)'),
        this.deps.db.deleteItem(undeliverableKey(message)),
      );
    }
    const written = await this.deps.db.transact(items);
    if (!written.ok) {
      const raced = await this.deps.db.get<Item>(key);
      if (raced) return raced.requestHash === requestHash ? succeed(entryView(raced)) : reused();
      return refuse('INVALID', 'That undeliverable message was dealt with by someone else just now.', ['input', 'resolvesMessageId']);
    }
    return succeed(entryView(item));
  }

  /** Staff set how the person is written to from now on (EMAIL, POST or NONE); audited. */
  async setPreference(raw: Record<string, unknown>, caller: Caller): Promise<Outcome<ContactPreference>> {
    const parsed = parseInput(z.object({ reference: z.string(), preference: z.enum(['EMAIL', 'POST', 'NONE']) }), raw);
    if (!parsed.ok) return parsed;
    const found = this.caseTypeFor(parsed.value.reference, caller);
    const notFound = () => refuse('NOT_FOUND', 'There is no case of your team with this reference.', ['input', 'reference']);
    if (!found) return notFound();
    // Writing by a way the case has no address for would only fill the undeliverable queue: refused now.
    if (parsed.value.preference !== 'NONE') {
      const caseItem = await this.deps.db.get<Item>(keys.case(found.reference));
      if (!caseItem || caseItem.caseType !== found.type.name) return notFound();
      const recipient = correspondencePlans[found.type.name]!.recipientOf(recordFrom(found.type, caseItem), parsed.value.preference);
      if (recipient.channel === 'NONE') {
        const why = recipient.why === 'ADDRESS_INCOMPLETE' ? 'its postal address is too short to post to' : `it has no ${parsed.value.preference === 'EMAIL' ? 'email' : 'postal'} address`;
        return refuse('INVALID', `Messages cannot be sent that way: ${why}. Choose another way.`, ['input', 'preference']);
      }
    }
    const at = this.deps.now().toISOString();
    // Beside the case's own fields (like its tracking-code hash): not a workflow change, so its version does not move.
    const written = await this.deps.db.transact([
      this.deps.db.updateItem(keys.case(found.reference), 'SET contactPreference = :p', undefined, { ':p': parsed.value.preference, ':type': found.type.name }, 'attribute_exists(pk) AND caseType = :type'),
      this.deps.audit.entry({ subject: found.reference, at, actor: actorOf(caller), action: 'CONTACT_PREFERENCE_SET', fields: ['contactPreference'], version: null }),
    ]);
    return written.ok ? succeed(parsed.value.preference) : notFound();
  }

  /**
   * A message back in the outbox (status PENDING, a new requeuedAt: the stream's delivery takes it
   * again), to the person as the case and its preference reach them now. For one that could not
   * be delivered, or one left waiting when delivery gave up; never for one sent or withheld.
   */
  async resend(raw: Record<string, unknown>, caller: Caller): Promise<Outcome<CorrespondenceEntryView>> {
    const parsed = parseInput(z.object({ reference: z.string(), messageId: z.string().max(200) }), raw);
    if (!parsed.ok) return parsed;
    const found = this.caseTypeFor(parsed.value.reference, caller);
    if (!found) return refuse('NOT_FOUND', 'There is no case of your team with this reference.', ['input', 'reference']);
    const [caseItem, message] = await Promise.all([
      this.deps.db.get<Item>(keys.case(found.reference)),
      this.deps.db.get<Item>(keys.correspondence(found.reference, parsed.value.messageId)),
    ]);
    if (!caseItem || caseItem.caseType !== found.type.name) return refuse('NOT_FOUND', 'There is no case of your team with this reference.', ['input', 'reference']);
    if (!message || message.entry !== 'MESSAGE' || !['FAILED', 'PENDING'].includes(message.status as string)) {
      return refuse('INVALID', 'Only a message that could not be delivered, or one still waiting, can be sent again.', ['input', 'messageId']);
    }
    const plan = correspondencePlans[found.type.name]!;
    const recipient = plan.recipientOf(recordFrom(found.type, caseItem), (caseItem.contactPreference as ContactPreference | undefined) ?? null);
    if (recipient.channel === 'NONE') {
      return refuse('INVALID', `It cannot be sent: ${withheldWords[recipient.why]}.`, ['input', 'messageId']);
    }
    const at = this.deps.now().toISOString();
    const key = keys.correspondence(found.reference, parsed.value.messageId);
    const written = await this.deps.db.transact([
      this.deps.db.updateItem(
        key,
        'SET #status = :pending, statusAt = :at, requeuedAt = :at, recipient = :recipient, channel = :channel REMOVE statusReason, resolvedBy',
        { '#status': 'status' },
        { ':pending': 'PENDING', ':at': at, ':recipient': recipient, ':channel': recipient.channel, ':was': message.status },
        '#status = :was',
      ),
      ...(message.status === 'FAILED' && !message.resolvedBy ? [this.deps.db.deleteItem(undeliverableKey(message))] : []),
      this.deps.audit.entry({ subject: found.reference, at, actor: actorOf(caller), action: 'MESSAGE_RESENT', fields: [message.template as string], version: null }),
    ]);
    if (!written.ok) return refuse('INVALID', 'The message changed just now: reload the case and try again.', ['input', 'messageId']);
    return succeed(entryView((await this.deps.db.get<Item>(key))!));
  }

  /** The undeliverable messages of a case type the caller's team works on, oldest first. */
  undeliverable(caseType: CaseType, page: PageArgs, caller: Caller): Promise<Connection<UndeliverableRow>> | undefined {
    const type = this.deps.registry.caseTypes.find((t) => t.name === caseType);
    if (caller.kind !== 'staff' || !type || !caller.groups.includes(type.group)) return undefined;
    return this.deps.paginator.list(
      { keyCondition: 'pk = :pk', values: { ':pk': keys.queuePartition(undeliverableQueue(caseType)) }, ascending: true },
      page,
      (item) => ({
        id: Buffer.from(`UndeliverableMessage:${item.reference as string}|${item.messageId as string}`, 'utf8').toString('base64url'),
        reference: item.reference as string,
        messageId: item.messageId as string,
        template: item.template as string,
        channel: item.channel as string,
        reason: item.reason as string,
        failedAt: item.failedAt as string,
      }),
    );
  }
}
