import { createHash, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';
import type { AuditLog } from '../audit/auditLog.js';
import type { Logger } from '../logging/logger.js';
import { auditOf, keyOfProviderReference } from '../outbox/delivery.js';
import { undeliverableEntry } from '../outbox/undeliverable.js';
import type { Db, Item } from '../store/db.js';

/**
 * GOV.UK Notify's delivery-status callbacks (docs: "Callbacks"): Notify POSTs JSON to our URL with
 * the bearer token we gave it, once a notification reaches a final status. The token is checked in
 * constant time; the notification is found by the reference we gave it (the message's key) and must
 * carry Notify's id we recorded when it was sent. The message's status moves to DELIVERED or
 * FAILED (FAILED puts it in the undeliverable queue), audited; a repeated callback changes nothing.
 *
 * Answers: 401 without the right token (Notify retries, so a rotated token heals), 400 for a body
 * that is not a callback, 200 otherwise, including for a notification we no longer hold (its case
 * has expired): there is nothing for Notify to retry.
 */
export interface CallbackRequest {
  authorization: string | undefined;
  body: string;
}

export interface CallbackResponse {
  status: number;
  body: string;
}

export interface CallbackDependencies {
  db: Db;
  audit: AuditLog;
  logger: Logger;
  now: () => Date;
  /** The bearer token Notify was given for the callback (Secrets Manager when deployed). */
  token: () => Promise<string>;
}

const callback = z.object({
  id: z.string().min(1).max(100),
  reference: z.string().max(1000).nullish(),
  status: z.string().min(1).max(50),
  notification_type: z.string().max(20).optional(),
  completed_at: z.string().nullish(),
});

/** Notify's final statuses, as ours: email and text (delivered, *-failure), letters (received, cancelled, validation-failed). */
const FINAL: Record<string, 'DELIVERED' | 'FAILED'> = {
  delivered: 'DELIVERED',
  received: 'DELIVERED',
  'permanent-failure': 'FAILED',
  'temporary-failure': 'FAILED',
  'technical-failure': 'FAILED',
  'validation-failed': 'FAILED',
  'virus-scan-failed': 'FAILED',
  cancelled: 'FAILED',
};

const FAILURE_WORDS: Record<string, string> = {
  'permanent-failure': 'Notify: the provider could not deliver it (the address may not exist)',
  'temporary-failure': 'Notify: the provider could not deliver it for 72 hours (inbox full or phone off)',
  'technical-failure': 'Notify: a technical failure',
  'validation-failed': 'Notify: the letter failed validation',
  'virus-scan-failed': 'Notify: the letter failed its virus scan',
  cancelled: 'Notify: the letter was cancelled',
};

function sameToken(given: string, expected: string): boolean {
  // Hashes first, so the comparison takes the same time whatever the lengths.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length > 0;
}

const answer = (status: number, message: string): CallbackResponse => ({ status, body: JSON.stringify({ message }) });

export async function handleNotifyCallback(deps: CallbackDependencies, request: CallbackRequest): Promise<CallbackResponse> {
  const given = request.authorization?.match(/^Bearer (.+)$/)?.[1] ?? '';
  if (!sameToken(given, await deps.token())) return answer(401, 'Not authorised');
  let raw: unknown;
  try {
    raw = JSON.parse(request.body);
  } catch {
    return answer(400, 'The body is not JSON');
  }
  const parsed = callback.safeParse(raw);
  if (!parsed.success) return answer(400, 'The body is not a Notify delivery-status callback');
  const { id, reference, status } = parsed.data;
  const ours = FINAL[status];
  const key = reference ? keyOfProviderReference(reference) : undefined;
  if (!ours || !key) {
    deps.logger.info('notify callback ignored', { event: 'notify_callback_ignored', notifyStatus: status });
    return answer(200, 'Ignored');
  }
  const message = await deps.db.get<Item>(key);
  if (!message || message.providerId !== id) {
    deps.logger.warn('notify callback for no message we hold', { event: 'notify_callback_unknown', notifyStatus: status });
    return answer(200, 'Ignored');
  }
  if (message.status === ours) return answer(200, 'Already recorded');
  const at = deps.now().toISOString();
  const reason = FAILURE_WORDS[status] ?? `Notify: ${status}`;
  const written = await deps.db.transact([
    deps.db.updateItem(
      key,
      ours === 'FAILED' ? 'SET #status = :status, statusAt = :at, notifyStatus = :notify, statusReason = :reason' : 'SET #status = :status, statusAt = :at, notifyStatus = :notify',
      { '#status': 'status' },
      { ':status': ours, ':at': at, ':notify': status, ':id': id, ...(ours === 'FAILED' && { ':reason': reason }) },
      'providerId = :id AND #status <> :status',
    ),
    ...(ours === 'FAILED' ? [undeliverableEntry(deps.db, message, reason, at)] : []),
    ...auditOf(deps, message, ours === 'DELIVERED' ? 'MESSAGE_DELIVERED' : 'MESSAGE_FAILED', at),
  ]);
  deps.logger.info('notify callback recorded', { event: 'notify_callback', status: ours, notifyStatus: status, template: message.template as string, changed: written.ok });
  return answer(200, 'Recorded');
}
