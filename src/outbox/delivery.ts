import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { AuditLog } from '../audit/auditLog.js';
import { render } from '../correspondence/render.js';
import type { Logger } from '../logging/logger.js';
import type { Db, Item, Key, TransactItem } from '../store/db.js';
import type { ChangeConsumer, TableChange } from '../streams/tableChange.js';
import { MessageRejectedError, type MessageSender, type OutgoingMessage } from './sender.js';
import { undeliverableEntry } from './undeliverable.js';

/**
 * Delivers the outbox: a consumer of the table's change stream that sends each new PENDING message
 * once, through the sender (GOV.UK Notify when deployed, a file locally), and records the outcome
 * on the message, in the case's correspondence log.
 *
 * Once, under redelivery: before sending, the delivery CLAIMS the message with a conditional write
 * (PENDING → SENDING, with a claim id and time). A redelivered stream record finds the message
 * already SENT (or FAILED, or WITHHELD) and does nothing; one that finds it SENDING under a live claim
 * fails its batch, to be retried after the claim has settled. A claim older than claimSeconds is a
 * delivery that died between claiming and recording: it may be taken over, and that is the one
 * window in which a message can be sent twice (Notify has no idempotency key to close it).
 *
 * Outcomes: Notify accepted it → SENT (its id kept for the callback: src/outbox/callbacks.ts);
 * Notify refused it (400) → FAILED, in the undeliverable queue; anything else (network, 429, 5xx) →
 * the claim is released and the batch fails, so Lambda retries it with back-off and, in the end,
 * sends it to the on-failure queue; the message stays PENDING, nothing is lost.
 */
export interface DeliveryDependencies {
  db: Db;
  audit: AuditLog;
  sender: MessageSender;
  logger: Logger;
  now: () => Date;
  /** How long a claim holds before another delivery may take the message over. */
  claimSeconds?: number;
}

const CLAIM_SECONDS = 300;

export class ClaimHeldError extends Error {
  constructor() {
    super('a message in this batch is being delivered by another invocation: the batch is retried');
    this.name = 'ClaimHeldError';
  }
}

/** What Notify is given as the notification's reference: the message's key, which its callbacks return. */
export const providerReferenceOf = (key: Key) => `${key.pk}|${key.sk}`;

export function keyOfProviderReference(reference: string): Key | undefined {
  const [pk, sk, ...rest] = reference.split('|');
  return pk && sk && rest.length === 0 && sk.startsWith('CORR#') ? { pk, sk } : undefined;
}

export function outboxDeliveryConsumer(deps: DeliveryDependencies): ChangeConsumer {
  return {
    name: 'outbox-delivery',
    // New messages, and messages staff put back in the outbox (resendMessage: a new requeuedAt);
    // never a claim this consumer released (that batch is retried by Lambda instead).
    wants: (change: TableChange) =>
      change.newItem?.kind === 'CORRESPONDENCE' &&
      change.newItem.entry === 'MESSAGE' &&
      change.newItem.status === 'PENDING' &&
      (change.kind === 'INSERT' || (change.kind === 'MODIFY' && change.newItem.requeuedAt !== change.oldItem?.requeuedAt)),
    async handle(changes: TableChange[]) {
      for (const change of changes) await deliver(deps, { pk: change.pk, sk: change.sk });
    },
  };
}

async function claim(deps: DeliveryDependencies, key: Key, claimId: string): Promise<Item | undefined> {
  const now = deps.now();
  const stale = new Date(now.getTime() - (deps.claimSeconds ?? CLAIM_SECONDS) * 1000).toISOString();
  try {
    const out = await deps.db.update({
      Key: key,
      UpdateExpression: 'SET #status = :sending, claimId = :claim, claimedAt = :now, attempts = if_not_exists(attempts, :zero) + :one',
      ConditionExpression: '#status = :pending OR (#status = :sending AND claimedAt < :stale)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':sending': 'SENDING', ':pending': 'PENDING', ':claim': claimId, ':now': now.toISOString(), ':stale': stale, ':zero': 0, ':one': 1 },
      ReturnValues: 'ALL_NEW',
    });
    return out.Attributes as Item;
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const current = await deps.db.get<Item>(key);
    if (current?.status === 'SENDING') throw new ClaimHeldError();
    return undefined; // already sent, failed or withheld (or gone): nothing to do
  }
}

export async function deliver(deps: DeliveryDependencies, key: Key): Promise<void> {
  const claimId = randomUUID();
  const message = await claim(deps, key, claimId);
  if (!message) return;
  const fields = { template: message.template as string, channel: message.channel as string, caseType: (message.caseType as string | undefined) ?? 'DIGEST' };
  const outgoing: OutgoingMessage = {
    providerReference: providerReferenceOf(key),
    template: message.template as string,
    recipient: message.recipient as OutgoingMessage['recipient'],
    rendered: render(message.template as string, message.personalisation as Record<string, string>),
  };
  let outcome: { status: 'SENT'; providerId: string } | { status: 'FAILED'; reason: string };
  try {
    const sent = await deps.sender.send(outgoing);
    outcome = { status: 'SENT', providerId: sent.providerId };
  } catch (error) {
    if (!(error instanceof MessageRejectedError)) {
      await release(deps, key, claimId);
      deps.logger.warn('message not sent: will be retried', { event: 'message_retry', ...fields, error: error instanceof Error ? error.name : 'unknown' });
      throw error;
    }
    outcome = { status: 'FAILED', reason: error.reason };
  }
  const at = deps.now().toISOString();
  const items: TransactItem[] = [
    deps.db.updateItem(
      key,
      outcome.status === 'SENT'
        ? 'SET #status = :status, statusAt = :at, sentAt = :at, providerId = :provider REMOVE claimId'
        : 'SET #status = :status, statusAt = :at, statusReason = :reason REMOVE claimId',
      { '#status': 'status' },
      { ':status': outcome.status, ':at': at, ':claim': claimId, ...(outcome.status === 'SENT' ? { ':provider': outcome.providerId } : { ':reason': outcome.reason }) },
      'claimId = :claim',
    ),
    ...(outcome.status === 'FAILED' ? [undeliverableEntry(deps.db, message, outcome.reason, at)] : []),
    ...auditOf(deps, message, outcome.status === 'SENT' ? 'MESSAGE_SENT' : 'MESSAGE_FAILED', at),
  ];
  const written = await deps.db.transact(items);
  if (!written.ok) {
    // Another delivery took the claim over (this one outlived it): the message went; its record is theirs.
    deps.logger.warn('message sent, but its claim had been taken over', { event: 'message_claim_lost', ...fields });
    return;
  }
  deps.logger.info(outcome.status === 'SENT' ? 'message sent' : 'message refused: undeliverable', { event: outcome.status === 'SENT' ? 'message_sent' : 'message_undeliverable', ...fields });
}

/** The case's audit trail records what the system did with its messages (a digest has no case). */
export function auditOf(deps: { audit: AuditLog }, message: Item, action: string, at: string): TransactItem[] {
  if (typeof message.reference !== 'string') return [];
  return [deps.audit.entry({ subject: message.reference, at, actor: { kind: 'SYSTEM' }, action, fields: [message.template as string], version: null })];
}

async function release(deps: DeliveryDependencies, key: Key, claimId: string): Promise<void> {
  try {
    await deps.db.update({
      Key: key,
      UpdateExpression: 'SET #status = :pending REMOVE claimId',
      ConditionExpression: 'claimId = :claim',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':pending': 'PENDING', ':claim': claimId },
    });
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}
