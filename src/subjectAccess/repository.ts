import { ukCalendar } from '../calendar/holidays.js';
import { londonDateOf } from '../calendar/londonDate.js';
import { indexChanges } from '../cases/caseIndex.js';
import { statisticsUpdates, type DailyCounts } from '../cases/dailyStatistics.js';
import { newCaseItem, type CreatedCase } from '../cases/submitOnce.js';
import type { RequestChannel } from '../generated/graphql.js';
import { expiryEpochSeconds, type RetentionSchedule } from '../retention/schedule.js';
import type { Db, Item, TransactItem } from '../store/db.js';
import { keys } from '../store/keys.js';
import { newSubjectAccessRequest, type SarForm, type SarRecord } from './model.js';
import { sarQueueEntries, sarQueueSummary } from './queues.js';

export const SAR_STATISTICS = 'SUBJECT_ACCESS';

const recordFields: Array<keyof SarRecord> = [
  'reference', 'channel', 'receivedAt', 'receivedOn', 'handler', 'identityVerified', 'requester', 'agent', 'scope', 'format', 'needs',
  'clockEvents', 'regime', 'search', 'restrictions', 'redactions', 'response', 'closure', 'version', 'updatedAt',
];

export function toSar(item: Item): SarRecord {
  return Object.fromEntries(recordFields.map((f) => [f, item[f] ?? null])) as unknown as SarRecord;
}

/** Subject access requests: one case item each, with queue entries and daily statistics. */
export class SarRepository {
  constructor(
    private readonly db: Db,
    private readonly retention: RetentionSchedule,
  ) {}

  expiryOf(r: SarRecord): number {
    return expiryEpochSeconds(this.retention, 'SUBJECT_ACCESS', new Date(r.receivedAt));
  }

  newRequestItems(created: CreatedCase, form: SarForm, arrival: { channel: RequestChannel; receivedOn?: string; identityVerified: boolean }): TransactItem[] {
    const at = created.receivedAt.toISOString();
    const record = newSubjectAccessRequest(form, {
      reference: created.reference,
      channel: arrival.channel,
      receivedAt: at,
      receivedOn: arrival.receivedOn ?? londonDateOf(created.receivedAt),
      identityVerified: arrival.identityVerified,
    });
    return [
      newCaseItem(this.db, created, 'SUBJECT_ACCESS', this.expiryOf(record), { ...record }),
      ...this.followUps(null, record, [{ day: record.receivedOn, add: { received: 1 } }]),
    ];
  }

  followUps(before: SarRecord | null, after: SarRecord, stats: DailyCounts): TransactItem[] {
    return [
      ...indexChanges(
        this.db,
        after.reference,
        before ? sarQueueEntries(ukCalendar, before) : [],
        sarQueueEntries(ukCalendar, after),
        { ...sarQueueSummary(ukCalendar, after), expiresAt: this.expiryOf(after) },
      ),
      ...statisticsUpdates(this.db, SAR_STATISTICS, stats),
    ];
  }

  async get(reference: string): Promise<SarRecord | undefined> {
    const item = await this.db.get<Item>(keys.case(reference));
    return item?.caseType === 'SUBJECT_ACCESS' ? toSar(item) : undefined;
  }
}
