import { randomBytes } from 'node:crypto';
import { expiryEpochSeconds, type RetentionSchedule } from '../retention/schedule.js';
import type { Db, Item, TransactItem } from '../store/db.js';
import { indexEntries, keys } from '../store/keys.js';
import type { AuditRecord } from './model.js';

/**
 * The append-only audit trail. A change writes its entry in the same transaction as the change
 * (so there is never a change without its entry, nor an entry for a change that failed); a read of
 * personal data writes its entry before the data is returned. Entries are only ever put, with a
 * condition that they are new: nothing in the API updates or deletes one (TTL removes them when
 * the retention schedule says).
 */
export class AuditLog {
  constructor(
    private readonly db: Db,
    private readonly schedule: RetentionSchedule,
  ) {}

  /** The entry as a transaction item, to go with the change it records. */
  entry(record: AuditRecord): TransactItem {
    return this.db.putNew(this.toItem(record));
  }

  /**
   * Records that staff read these records, before the data is returned: one entry per record, in
   * as few transactions as DynamoDB allows (100 items each). If it cannot be written, the read fails.
   */
  async recordReads(read: { subjects: string[]; actor: AuditRecord['actor']; action: string; fields: string[]; at: string }): Promise<void> {
    for (let i = 0; i < read.subjects.length; i += 100) {
      const items = read.subjects.slice(i, i + 100).map((subject) =>
        this.entry({ subject, at: read.at, actor: read.actor, action: read.action, fields: read.fields, version: null }),
      );
      const outcome = await this.db.transact(items);
      if (!outcome.ok) throw new Error('audit entries collided');
    }
  }

  /**
   * Records that staff read a list, before it is returned: ONE entry (subject LIST#{list}) naming
   * every record shown, not one per row. Found by the staff member (the audit-by-actor index) or by
   * the list; an empty list is not recorded.
   */
  async recordListRead(read: { list: string; subjects: string[]; actor: AuditRecord['actor']; action: string; fields: string[]; at: string }): Promise<void> {
    if (read.subjects.length === 0) return;
    const item = this.toItem({ subject: `LIST#${read.list}`, at: read.at, actor: read.actor, action: read.action, fields: read.fields, version: null });
    const outcome = await this.db.transact([this.db.putNew({ ...item, references: read.subjects })]);
    if (!outcome.ok) throw new Error('audit entry collided');
  }

  /** A subject's entries, oldest first. */
  async list(subject: string): Promise<AuditRecord[]> {
    const items = await this.db.queryAll({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.auditPartition(subject) },
    });
    return items.map(fromItem);
  }

  private toItem(record: AuditRecord): Item {
    const id = randomBytes(6).toString('hex');
    return {
      ...keys.audit(record.subject, record.at, id),
      ...(record.actor.id && indexEntries.auditByActor(record.actor.id, record.at, id)),
      kind: 'AUDIT',
      subject: record.subject,
      at: record.at,
      actor: record.actor,
      action: record.action,
      fields: record.fields,
      version: record.version,
      expiresAt: expiryEpochSeconds(this.schedule, 'AUDIT', new Date(record.at)),
    };
  }
}

function fromItem(item: Record<string, unknown>): AuditRecord {
  return {
    subject: item.subject as string,
    at: item.at as string,
    actor: item.actor as AuditRecord['actor'],
    action: item.action as string,
    fields: (item.fields as string[]) ?? [],
    version: (item.version as number | null) ?? null,
  };
}
