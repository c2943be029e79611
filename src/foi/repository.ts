import { ukCalendar } from '../calendar/holidays.js';
import { londonDateOf } from '../calendar/londonDate.js';
import { indexChanges, indexKey } from '../cases/caseIndex.js';
import { statisticsUpdates, type DailyCounts } from '../cases/dailyStatistics.js';
import { newCaseItem, type CreatedCase } from '../cases/submitOnce.js';
import type { RequestChannel } from '../generated/graphql.js';
import { expiryEpochSeconds, type RetentionSchedule } from '../retention/schedule.js';
import type { Db, Item, TransactItem } from '../store/db.js';
import { keys } from '../store/keys.js';
import { searchWords } from './disclosureWords.js';
import { newFoiRequest, type FoiForm, type FoiRecord } from './model.js';
import { disclosureEntries, disclosureLogQueue, foiQueueEntries, foiQueueSummary } from './queues.js';

export const FOI_STATISTICS = 'FOI';

const recordFields: Array<keyof FoiRecord> = [
  'reference', 'channel', 'receivedAt', 'receivedOn', 'handler', 'requester', 'requesterKey', 'description', 'format', 'clockEvents',
  'publicInterestExtension', 'response', 'disclosure', 'internalReview', 'icoComplaint', 'closure', 'version', 'updatedAt',
];

export function toFoi(item: Item): FoiRecord {
  return Object.fromEntries(recordFields.map((f) => [f, item[f] ?? null])) as unknown as FoiRecord;
}

/**
 * FOI requests: one case item each, work-queue entries and daily statistics written with every
 * change, and the disclosure log: one entry per published response (question and answer, never
 * the requester) plus one small entry per search word. A response can have up to 100 search words,
 * more than a transaction may hold, so word entries are written after the publication commits.
 */
export class FoiRepository {
  constructor(
    private readonly db: Db,
    private readonly retention: RetentionSchedule,
  ) {}

  expiryOf(r: FoiRecord): number {
    return expiryEpochSeconds(this.retention, 'FOI', new Date(r.receivedAt));
  }

  newRequestItems(created: CreatedCase, form: FoiForm, arrival: { channel: RequestChannel; receivedOn?: string; requesterKey: string }): TransactItem[] {
    const at = created.receivedAt.toISOString();
    const record = newFoiRequest(form, {
      reference: created.reference,
      channel: arrival.channel,
      receivedAt: at,
      receivedOn: arrival.receivedOn ?? londonDateOf(created.receivedAt),
      requesterKey: arrival.requesterKey,
    });
    return [
      newCaseItem(this.db, created, 'FOI', this.expiryOf(record), { ...record }),
      ...this.followUps(null, record, [{ day: record.receivedOn, add: { received: 1 } }]),
    ];
  }

  /** Work queues, the disclosure log entry itself, and statistics: all inside the change's transaction. */
  followUps(before: FoiRecord | null, after: FoiRecord, stats: DailyCounts): TransactItem[] {
    const logOnly = (r: FoiRecord | null) => (r ? disclosureEntries(r).filter((e) => e.queue === disclosureLogQueue) : []);
    return [
      ...indexChanges(this.db, after.reference, before ? foiQueueEntries(ukCalendar, before) : [], foiQueueEntries(ukCalendar, after), {
        ...foiQueueSummary(ukCalendar, after),
        expiresAt: this.expiryOf(after),
      }),
      ...indexChanges(this.db, after.reference, logOnly(before), logOnly(after), this.disclosureSummary(after)),
      ...statisticsUpdates(this.db, FOI_STATISTICS, stats),
    ];
  }

  /** The search-word entries for a publication, in transactions of at most 100 items. */
  async writeDisclosureWords(before: FoiRecord, after: FoiRecord): Promise<void> {
    const words = (r: FoiRecord) => disclosureEntries(r).filter((e) => e.queue !== disclosureLogQueue);
    const items = indexChanges(this.db, after.reference, words(before), words(after), {
      reference: after.reference,
      publishedOn: after.disclosure?.publishedOn,
      words: after.disclosure ? searchWords(`${after.disclosure.title} ${after.disclosure.question}`) : [],
    });
    for (let i = 0; i < items.length; i += 100) {
      const outcome = await this.db.transact(items.slice(i, i + 100));
      if (!outcome.ok) throw new Error('disclosure search entries could not be written');
    }
  }

  private disclosureSummary(r: FoiRecord): Item {
    return {
      reference: r.reference,
      title: r.disclosure?.title,
      question: r.disclosure?.question,
      answer: r.disclosure?.answer,
      publishedOn: r.disclosure?.publishedOn,
      outcome: r.response?.outcome,
      exemptions: r.response?.exemptions.map((e) => e.section) ?? [],
    };
  }

  /** The disclosure log entries for these (publishedOn, reference) pairs, in that order. */
  async disclosuresFor(found: Array<{ reference: string; publishedOn: string }>): Promise<Item[]> {
    const items = await this.db.getMany<Item>(
      found.map((f) => indexKey({ queue: disclosureLogQueue, sortKey: f.publishedOn }, f.reference)),
    );
    const byRef = new Map(items.map((i) => [i.reference as string, i]));
    return found.map((f) => byRef.get(f.reference)).filter((i): i is Item => Boolean(i));
  }

  async get(reference: string): Promise<FoiRecord | undefined> {
    const item = await this.db.get<Item>(keys.case(reference));
    return item?.caseType === 'FOI' ? toFoi(item) : undefined;
  }
}
