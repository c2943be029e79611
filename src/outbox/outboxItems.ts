import { randomBytes } from 'node:crypto';
import type { HolidayCalendar } from '../calendar/holidays.js';
import type { AnyCaseType, CaseRecord } from '../cases/contract.js';
import { type ContactPreference, type PlannedMessage, withheldWords } from '../correspondence/model.js';
import { correspondencePlans } from '../correspondence/plans/index.js';
import type { CaseEvent } from '../correspondence/plans/plan.js';
import { render } from '../correspondence/render.js';
import type { Db, Item, TransactItem } from '../store/db.js';
import { keys } from '../store/keys.js';
import { undeliverableEntry } from './undeliverable.js';

/**
 * The outbox: the messages a case change causes, as items written in that change's own transaction
 * (a public submission's, staff logging's, or a workflow action's). So a message exists exactly
 * when its change does: nothing is sent for a change that failed, and nothing is lost when sending
 * fails (the item waits, PENDING, for the delivery function: src/outbox/delivery.ts).
 *
 * A message that can never be sent is written settled: WITHHELD when the person's preference says
 * not to write (the phone, or no contact), FAILED when there is no usable address (and then it is
 * in the undeliverable queue at once).
 */
export interface OutboxChange {
  type: AnyCaseType;
  event: CaseEvent;
  before: CaseRecord | null;
  after: CaseRecord;
  /** The case item after the change (its contact preference, if staff set one). */
  caseItem?: Item;
  at: Date;
  today: string;
  /** The case's expiry (epoch seconds): messages go with their case. */
  expiresAt: number;
}

export class Outbox {
  constructor(
    private readonly db: Db,
    private readonly calendar: HolidayCalendar,
  ) {}

  /** The messages a change causes, planned from the case type's correspondence plan. */
  plan(change: Omit<OutboxChange, 'at' | 'expiresAt'>): PlannedMessage[] {
    const plan = correspondencePlans[change.type.name];
    const cause = plan?.on[change.event];
    if (!plan || !cause) return [];
    const preference = (change.caseItem?.contactPreference as ContactPreference | undefined) ?? null;
    const drafts = cause(change.after, change.before, { today: change.today, calendar: this.calendar });
    return drafts.map((draft) => ({
      template: draft.template,
      recipient: plan.recipientOf(change.after, preference),
      personalisation: { reference: change.after.reference, name: plan.nameOf(change.after), ...draft.values },
    }));
  }

  /** The outbox items (and, for a message that cannot be sent, its queue entry and audit entry) for a change. */
  items(change: OutboxChange): TransactItem[] {
    return this.plan(change).flatMap((message, i) => this.itemsOf(change, message, i));
  }

  private itemsOf(change: OutboxChange, message: PlannedMessage, index: number): TransactItem[] {
    const at = change.at.toISOString();
    // Instant first, so the log reads in order; then the message's place in the change and a random tail.
    const id = `${at}#${index}${randomBytes(4).toString('hex')}`;
    // Rendered now, so a template that lacks a value fails the change in tests, never at delivery.
    const rendered = render(message.template, message.personalisation);
    const { recipient } = message;
    const cannotSend = recipient.channel === 'NONE' && (recipient.why === 'NO_ADDRESS' || recipient.why === 'ADDRESS_INCOMPLETE');
    const status = recipient.channel !== 'NONE' ? 'PENDING' : cannotSend ? 'FAILED' : 'WITHHELD';
    const reference = change.after.reference;
    const item: Item = {
      ...keys.correspondence(reference, id),
      kind: 'CORRESPONDENCE',
      entry: 'MESSAGE',
      id,
      reference,
      caseType: change.type.name,
      at,
      direction: 'OUT',
      channel: recipient.channel,
      template: message.template,
      subject: rendered.subject,
      status,
      statusAt: at,
      attempts: 0,
      recipient,
      personalisation: message.personalisation,
      ...(recipient.channel === 'NONE' && { statusReason: withheldWords[recipient.why] }),
      expiresAt: change.expiresAt,
    };
    const items = [this.db.putNew(item)];
    if (status === 'FAILED') {
      items.push(undeliverableEntry(this.db, item, withheldWords[(recipient as { why: keyof typeof withheldWords }).why], at));
    }
    return items;
  }
}
