import { rangeProblem } from '../calendar/dateRange.js';
import { UserInputError } from '../errors.js';
import type { Db, Item, TransactItem } from '../store/db.js';
import { keys } from '../store/keys.js';

/**
 * Statistics without scans, for any case type: counts kept per day in one small item, added to in
 * the same transaction as the change they count. A date range is one Query of at most one item
 * per day (ranges are capped at 366 days), however many cases there are.
 */
import type { DailyCounts } from './workflow.js';
export type { DailyCounts };

/** One update per day (a transaction may touch an item only once), adding every count. */
export function statisticsUpdates(db: Db, series: string, deltas: DailyCounts): TransactItem[] {
  const byDay = new Map<string, Record<string, number>>();
  for (const { day, add } of deltas) {
    const counts = byDay.get(day) ?? {};
    for (const [name, n] of Object.entries(add)) counts[name] = (counts[name] ?? 0) + n;
    byDay.set(day, counts);
  }
  return [...byDay].map(([day, counts]) => {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const adds = Object.entries(counts).map(([name, n], i) => {
      names[`#c${i}`] = name;
      values[`:c${i}`] = n;
      return `#c${i} :c${i}`;
    });
    return db.updateItem(keys.statisticsDay(series, day), `ADD ${adds.join(', ')}`, names, values);
  });
}

/** Every count in a date range (at most 366 days), summed. */
export async function statisticsBetween(db: Db, series: string, from: string, to: string): Promise<Record<string, number>> {
  const problem = rangeProblem(from, to);
  if (problem) throw new UserInputError([{ field: ['input', problem.field], message: problem.message, code: problem.code }]);
  const days = await db.queryAll<Item>({
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.statisticsPartition(series), ':from': keys.statisticsDaySort(from), ':to': keys.statisticsDaySort(to) },
  });
  const total: Record<string, number> = {};
  for (const day of days) {
    for (const [name, value] of Object.entries(day)) {
      if (typeof value === 'number') total[name] = (total[name] ?? 0) + value;
    }
  }
  return total;
}
