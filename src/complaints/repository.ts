import { londonDateOf } from '../calendar/londonDate.js';
import { indexChanges } from '../cases/caseIndex.js';
import { statisticsUpdates, type DailyCounts } from '../cases/dailyStatistics.js';
import { newCaseItem, type CreatedCase } from '../cases/submitOnce.js';
import { expiryEpochSeconds, type RetentionSchedule } from '../retention/schedule.js';
import type { Db, Item, TransactItem } from '../store/db.js';
import { keys } from '../store/keys.js';
import { newComplaint, type ComplaintRecord } from './model.js';
import { complaintQueueEntries, queueSummary } from './queues.js';
import type { SubmitComplaint } from './validation.js';

export const COMPLAINT_STATISTICS = 'COMPLAINT';

/** The complaint's fields in the case item (everything in ComplaintRecord, nothing else). */
const recordFields: Array<keyof ComplaintRecord> = [
  'reference', 'status', 'receivedAt', 'receivedOn', 'loggedOn', 'handler', 'complainant', 'onBehalfOf', 'needs', 'incident',
  'peopleInvolved', 'complaintTypes', 'otherTypeDescription', 'desiredOutcome', 'desiredOutcomeConfirmed', 'wantsFormalRecording',
  'lateDecision', 'allegations', 'contacts', 'handlingHistory', 'localResolution', 'outcome', 'review', 'closure',
  'agreedUpdateFrequency', 'version', 'updatedAt',
];

export function toComplaint(item: Item): ComplaintRecord {
  return Object.fromEntries(recordFields.map((f) => [f, item[f] ?? null])) as unknown as ComplaintRecord;
}

/**
 * Complaints in the table: one case item holding the whole record (its version guards every
 * change), its queue entries (src/cases/caseIndex.ts) and the daily statistics it adds to.
 */
export class ComplaintRepository {
  constructor(
    private readonly db: Db,
    private readonly retention: RetentionSchedule,
  ) {}

  newComplaintItems(created: CreatedCase, input: SubmitComplaint): TransactItem[] {
    const at = created.receivedAt.toISOString();
    const { idempotencyKey: _key, ...form } = input;
    const record = newComplaint(form, created.reference, at, londonDateOf(created.receivedAt));
    return [
      newCaseItem(this.db, created, 'COMPLAINT', this.expiryOf(record), { ...record }),
      ...this.followUps(null, record, [
        { day: record.receivedOn, add: { received: 1, ...Object.fromEntries(input.complaintTypes.map((t) => [`type_${t}`, 1])) } },
      ]),
    ];
  }

  /** The queue entries and statistics that go with a change from `before` to `after`. */
  expiryOf(c: ComplaintRecord): number {
    return expiryEpochSeconds(this.retention, 'COMPLAINT', new Date(c.receivedAt));
  }

  followUps(before: ComplaintRecord | null, after: ComplaintRecord, stats: DailyCounts): TransactItem[] {
    return [
      ...indexChanges(
        this.db,
        after.reference,
        before ? complaintQueueEntries(before) : [],
        complaintQueueEntries(after),
        { ...queueSummary(after), expiresAt: this.expiryOf(after) },
      ),
      ...statisticsUpdates(this.db, COMPLAINT_STATISTICS, stats),
    ];
  }

  async get(reference: string): Promise<{ record: ComplaintRecord; item: Item } | undefined> {
    const item = await this.db.get<Item>(keys.case(reference));
    return item?.caseType === 'COMPLAINT' ? { record: toComplaint(item), item } : undefined;
  }
}
