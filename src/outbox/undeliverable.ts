import type { Db, Item, TransactItem } from '../store/db.js';
import { keys } from '../store/keys.js';
import { queueNames } from '../store/catalogue.js';

/**
 * The undeliverable queue: one entry per message that could not be delivered (no usable address,
 * refused by Notify, or failed after sending), per case type, oldest first, until staff resolve it
 * (recordCorrespondence with resolvesMessageId). The entry's key is the message's own, so writing
 * it again (a redelivered callback) changes nothing. No personal data: reference, template, why.
 */
export const undeliverableQueue = (caseType: string) => queueNames.undeliverable.fill({ caseType });

export function undeliverableKey(message: Item) {
  return keys.queueEntry(undeliverableQueue(message.caseType as string), message.id as string, message.reference as string);
}

export function undeliverableEntry(db: Db, message: Item, reason: string, at: string): TransactItem {
  return db.put({
    ...undeliverableKey(message),
    kind: 'INDEX_ENTRY',
    reference: message.reference,
    caseType: message.caseType,
    messageId: message.id,
    template: message.template,
    channel: message.channel,
    reason,
    failedAt: at,
    expiresAt: message.expiresAt,
  });
}
