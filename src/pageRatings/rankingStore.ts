import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { expiryEpochSeconds, type RetentionSchedule } from '../retention/schedule.js';
import type { Db, Item } from '../store/db.js';
import { indexEntries, keys } from '../store/keys.js';
import type { ChangeConsumer } from '../streams/tableChange.js';
import { countNewRatings, isNewRating, newRatingOf } from './dayCountStore.js';
import { addCounts, noStars, rankingPosition, totalOf, type StarCounts } from './aggregates.js';
import { ALL_TIME, countsOf } from './repository.js';
import { tierOf } from './ranking.js';

/**
 * Page counts and the worst-rated-pages ranking, kept from the table's stream: no request writes
 * them, so a rating is one item and never waits on (or conflicts over) an item that every rating of
 * a page, or of the site, rewrites.
 *
 * For each batch it first counts the batch's new ratings into their page-day shards, exactly once
 * each (src/pageRatings/dayCountStore.ts), then, for each page with ratings in the batch (however many
 * that was), recomputes the months touched from their day shards (one Query each), then all time
 * from the page's months (one Query), and writes the page's one entry for each period (the month and
 * all time), in the partition of the largest tier it has reached (src/pageRatings/ranking.ts). Recomputing, never adding, makes a redelivered batch harmless; and since counts only
 * grow, an entry is written only if it has at least as many ratings as the one it replaces, so two
 * consumers recomputing one page at once (its ratings are on different stream shards) cannot leave
 * the older answer behind. Reads are strongly consistent: they follow this consumer's own writes.
 *
 * Lag: the stream's delivery (one to two seconds in AWS: the stream function's 1 s batching window;
 * ~200 ms with `npm start`) plus one batch. Expired day shards (after the aggregate retention) are not subtracted.
 */
export function pageCountsAndRankingConsumer(db: Db, retention: RetentionSchedule, now: () => Date): ChangeConsumer {
  return {
    name: 'page-counts-and-ranking',
    wants: isNewRating,
    handle: async (changes) => {
      const ratings = changes.map(newRatingOf).filter((r) => r !== undefined);
      const pages = await countNewRatings(db, retention, now, ratings);
      for (const [pageKey, page] of pages) {
        for (const month of new Set([...page.days].map((day) => day.slice(0, 7)))) await recomputeMonth(db, retention, now, pageKey, page.pageUrl, month);
        await recomputeAllTime(db, retention, now, pageKey, page.pageUrl);
      }
    },
  };
}

async function recomputeMonth(db: Db, retention: RetentionSchedule, now: () => Date, pageKey: string, pageUrl: string, month: string): Promise<void> {
  const shards = await db.queryAll({
    ConsistentRead: true,
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.pagePartition(pageKey), ':from': keys.pageDaysFrom(`${month}-01`), ':to': keys.pageDaysTo(`${month}-31`) },
  });
  const counts = shards.reduce((sum, item) => addCounts(sum, countsOf(item)), noStars);
  if (totalOf(counts) === 0) return;
  const expiresAt = expiryEpochSeconds(retention, 'PAGE_RATING_AGGREGATE', now());
  await putIfNotFewer(db, { ...keys.pageMonth(pageKey, month), kind: 'PAGE_MONTH', pageUrl, pageKey, month, ...counts, total: totalOf(counts), expiresAt });
  await writeRankEntries(db, pageKey, pageUrl, month, counts, expiresAt);
}

async function recomputeAllTime(db: Db, retention: RetentionSchedule, now: () => Date, pageKey: string, pageUrl: string): Promise<void> {
  const months = await db.queryAll({
    ConsistentRead: true,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :months)',
    ExpressionAttributeValues: { ':pk': keys.pagePartition(pageKey), ':months': keys.pageMonthPrefix() },
  });
  const counts = months.reduce((sum, item) => addCounts(sum, countsOf(item)), noStars);
  if (totalOf(counts) === 0) return;
  await writeRankEntries(db, pageKey, pageUrl, ALL_TIME, counts, expiryEpochSeconds(retention, 'PAGE_RATING_AGGREGATE', now()));
}

async function writeRankEntries(db: Db, pageKey: string, pageUrl: string, period: string, counts: StarCounts, expiresAt: number): Promise<void> {
  const total = totalOf(counts);
  // One entry per page and period, in the partition of the largest tier it has reached: moving up a
  // tier moves the entry's index key, like any change of rank.
  const tier = tierOf(total);
  await putIfNotFewer(db, {
    ...keys.pageRank(pageKey, period),
    ...indexEntries.pageRanking(period, tier, rankingPosition(counts, pageKey)),
    kind: 'PAGE_RANK',
    pageUrl,
    period,
    tier,
    ...counts,
    total,
    expiresAt,
  });
}

/** Writes the item unless the one there already counts more ratings (a newer recompute). */
async function putIfNotFewer(db: Db, item: Item): Promise<void> {
  try {
    await db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: item,
        ConditionExpression: 'attribute_not_exists(pk) OR #total <= :total',
        ExpressionAttributeNames: { '#total': 'total' },
        ExpressionAttributeValues: { ':total': item.total },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}
