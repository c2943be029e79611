import { createHash } from 'node:crypto';
import { addDays, londonDateOf } from '../calendar/londonDate.js';
import { bullets, longDate } from '../correspondence/plans/plan.js';
import { render } from '../correspondence/render.js';
import type { Logger } from '../logging/logger.js';
import type { Db, Item } from '../store/db.js';
import { keys } from '../store/keys.js';

/**
 * The daily digest: to each handler, their cases due within the next few days and those overdue,
 * read from the work queues that are ordered by a due date (no scan), one email each, written to
 * the outbox like any other message (so delivery, retries and the local outbox are the same). A
 * complaint update coming due is the handler's reminder before it is due. One digest per handler
 * per day: running it again the same day writes nothing new. References and dates only.
 */
const DUE_QUEUES = [
  { queue: 'COMPLAINT#FIRST_REPLY_DUE', what: 'first reply to the complainant' },
  { queue: 'COMPLAINT#NEXT_UPDATE_DUE', what: 'update to the complainant' },
  { queue: 'COMPLAINT#MUST_REFER', what: 'referral to the IOPC' },
  { queue: 'FOI#DUE', what: 'FOI response' },
  { queue: 'FOI#REVIEW_DUE', what: 'FOI internal review' },
  { queue: 'SAR#DUE', what: 'subject access response' },
  { queue: 'DPC#ACKNOWLEDGEMENT_DUE', what: 'data-protection complaint acknowledgement' },
] as const;

const DIGEST_DAYS_KEPT = 30;

export interface DigestDependencies {
  db: Db;
  logger: Logger;
  now: () => Date;
  staffEmailDomain: string;
  horizonDays: number;
}

interface DueItem {
  reference: string;
  dueOn: string;
  what: string;
}

/** The day a queue entry is due: its sort key starts with it. */
const dueOf = (item: Item) => String(item.sk).slice(0, 10);

export async function writeDailyDigests(deps: DigestDependencies): Promise<{ handlers: number; written: number }> {
  const now = deps.now();
  const today = londonDateOf(now);
  const horizon = addDays(today, deps.horizonDays);
  const byHandler = new Map<string, DueItem[]>();
  for (const { queue, what } of DUE_QUEUES) {
    const items = await deps.db.queryAll({
      KeyConditionExpression: 'pk = :pk AND sk <= :to',
      ExpressionAttributeValues: { ':pk': keys.queuePartition(queue), ':to': `${horizon}\uffff` },
    });
    for (const item of items) {
      const handler = item.handler as string | null | undefined;
      if (!handler) continue; // unallocated work is in the team's UNALLOCATED queue, not anyone's digest
      byHandler.set(handler, [...(byHandler.get(handler) ?? []), { reference: item.reference as string, dueOn: dueOf(item), what }]);
    }
  }
  let written = 0;
  for (const [handler, due] of byHandler) {
    const line = (d: DueItem) => `${d.reference}: ${d.what}, due ${longDate(d.dueOn)}`;
    const overdue = due.filter((d) => d.dueOn < today).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
    const soon = due.filter((d) => d.dueOn >= today).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
    const personalisation = {
      handler,
      day: longDate(today),
      horizonDays: String(deps.horizonDays),
      overdue: overdue.length ? bullets(overdue.map(line)) : 'Nothing overdue.',
      dueSoon: soon.length ? bullets(soon.map(line)) : 'Nothing due.',
    };
    const handlerKey = createHash('sha256').update(handler).digest('hex').slice(0, 20);
    const key = keys.digestMessage(today, handlerKey);
    const at = now.toISOString();
    const item: Item = {
      ...key,
      kind: 'CORRESPONDENCE',
      entry: 'MESSAGE',
      id: `DIGEST#${today}#${handlerKey}`,
      at,
      direction: 'OUT',
      channel: 'EMAIL',
      template: 'handler-digest',
      subject: render('handler-digest', personalisation).subject,
      status: 'PENDING',
      statusAt: at,
      attempts: 0,
      recipient: { channel: 'EMAIL', email: `${handler}@${deps.staffEmailDomain}` },
      personalisation,
      expiresAt: Math.floor(now.getTime() / 1000) + DIGEST_DAYS_KEPT * 86_400,
    };
    // Already written today (the schedule ran twice, or the command was run by hand): nothing new.
    if ((await deps.db.transact([deps.db.putNew(item)])).ok) written++;
  }
  deps.logger.info('daily digests written', { event: 'digests_written', handlers: byHandler.size, written });
  return { handlers: byHandler.size, written };
}
