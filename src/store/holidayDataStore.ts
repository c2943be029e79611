import type { Db } from './db.js';
import { keys } from './keys.js';

/**
 * Stored versions of GOV.UK's bank holiday data (the file as fetched, as text) and which one is
 * current. A new version and the move of the current pointer are one transaction, conditional on
 * the pointer not having moved meanwhile, so two refreshes at once cannot interleave.
 */
export interface StoredHolidayData {
  version: string;
  /** The file as fetched (JSON text). */
  body: string;
  sha256: string;
  fetchedAt: string;
  source: string;
}

export class HolidayDataStore {
  constructor(private readonly db: Db) {}

  /** The current version, or undefined when none has been stored yet. */
  async current(): Promise<StoredHolidayData | undefined> {
    const pointer = await this.db.get<{ version: string }>(keys.holidayDataCurrent());
    if (!pointer) return undefined;
    const item = await this.db.get<StoredHolidayData & Record<string, unknown>>(keys.holidayDataVersion(pointer.version));
    if (!item) return undefined;
    return { version: item.version, body: item.body, sha256: item.sha256, fetchedAt: item.fetchedAt, source: item.source };
  }

  /**
   * Stores a version and makes it current, provided the current version is still `previous`
   * (undefined: none). False when another refresh moved the pointer first.
   */
  async storeAsCurrent(data: StoredHolidayData, previous: string | undefined): Promise<boolean> {
    const outcome = await this.db.transact([
      {
        Put: {
          TableName: this.db.tableName,
          Item: { ...keys.holidayDataVersion(data.version), kind: 'HOLIDAY_DATA', ...data },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: this.db.tableName,
          Item: { ...keys.holidayDataCurrent(), kind: 'HOLIDAY_DATA_CURRENT', version: data.version, since: data.fetchedAt },
          ConditionExpression: previous === undefined ? 'attribute_not_exists(pk)' : '#version = :previous',
          ...(previous === undefined ? {} : { ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':previous': previous } }),
        },
      },
    ]);
    return outcome.ok;
  }
}
