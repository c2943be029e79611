import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { londonDateOf } from '../calendar/londonDate.js';
import { parseReferenceParts } from '../cases/reference.js';
import { expiryEpochSeconds, type RetentionSchedule } from '../retention/schedule.js';
import type { Db, Item } from '../store/db.js';
import { keys } from '../store/keys.js';
import type { TableChange } from '../streams/tableChange.js';
import { starAttribute, type StarCounts } from './aggregates.js';
import { pageKeyOf } from './pageUrl.js';
import { DAY_SHARDS } from './repository.js';

/**
 * Page-day counts, kept from the table's stream: no request writes them (a bare rating is one item).
 *
 * A batch's new ratings are grouped by page, London day and shard (the rating's reference number
 * modulo DAY_SHARDS, so a rating always belongs to the same shard item), and each group is ONE
 * UpdateItem: ADD the stars, and ADD the ratings' numbers to the shard's `counted` set, on condition
 * that none of them is in it yet. That condition and the counts are one atomic write, so a
 * redelivered batch (Lambda retries a failed batch, bisects it, or gives it with more records; the
 * local poller reads a page again) never counts a rating twice, however it is cut into batches,
 * and a crash between writes loses nothing. When the condition fails (some were counted already),
 * the shard is read and the write sent again without them: reads only on redelivery.
 *
 * Cost: one write per page-day-shard per batch, of the shard item's size: ~150 bytes plus ~6 bytes
 * per rating counted in it, so one write unit until about 140 ratings a shard (1,400 a page a day).
 */
export const COUNTED = 'counted';
/** Ratings per UpdateItem: keeps the condition well inside DynamoDB's expression limits. */
const GROUP_MAX = 50;
const ATTEMPTS = 5;

export interface NewRating {
  number: number;
  pageUrl: string;
  pageKey: string;
  day: string;
  star: keyof StarCounts;
}

/** A stream change that is a page rating being created. */
export function isNewRating(change: TableChange): boolean {
  return change.kind === 'INSERT' && change.pk.startsWith('CASE#') && change.sk === 'CASE' && change.newItem?.caseType === 'PAGE_RATING';
}

/**
 * The rating a stream change creates, to count; undefined for one not to count here: a rating
 * stored before counts moved to the stream carries its page key (`pageKey`, no longer kept) and was
 * counted in its own transaction, so one delivered around a deployment is not counted twice.
 */
export function newRatingOf(change: TableChange): NewRating | undefined {
  const item = change.newItem ?? {};
  const parts = typeof item.reference === 'string' ? parseReferenceParts(item.reference) : undefined;
  if (!parts || typeof item.pageUrl !== 'string' || typeof item.createdAt !== 'string' || typeof item.rating !== 'number') return undefined;
  if (item.pageKey !== undefined) return undefined;
  return {
    number: parts.sequence,
    pageUrl: item.pageUrl,
    pageKey: pageKeyOf(item.pageUrl),
    day: londonDateOf(new Date(item.createdAt)),
    star: starAttribute(item.rating),
  };
}

/** Counts the batch's new ratings exactly once each; returns the pages touched (key → address and days). */
export async function countNewRatings(db: Db, retention: RetentionSchedule, now: () => Date, ratings: NewRating[]): Promise<Map<string, { pageUrl: string; days: Set<string> }>> {
  const groups = new Map<string, NewRating[]>();
  const pages = new Map<string, { pageUrl: string; days: Set<string> }>();
  for (const rating of ratings) {
    const id = JSON.stringify([rating.pageKey, rating.day, rating.number % DAY_SHARDS]);
    groups.set(id, [...(groups.get(id) ?? []), rating]);
    const page = pages.get(rating.pageKey) ?? { pageUrl: rating.pageUrl, days: new Set<string>() };
    page.days.add(rating.day);
    pages.set(rating.pageKey, page);
  }
  const expiresAt = expiryEpochSeconds(retention, 'PAGE_RATING_AGGREGATE', now());
  for (const group of groups.values()) {
    const unique = [...new Map(group.map((r) => [r.number, r])).values()];
    for (let i = 0; i < unique.length; i += GROUP_MAX) await countOnce(db, unique.slice(i, i + GROUP_MAX), expiresAt);
  }
  return pages;
}

/** One shard's ratings: ADDed with the condition that none was counted; those that were are dropped and the rest sent again. */
async function countOnce(db: Db, ratings: NewRating[], expiresAt: number): Promise<void> {
  const { pageKey, pageUrl, day, number } = ratings[0]!;
  const key = keys.pageDay(pageKey, day, number % DAY_SHARDS);
  let left = ratings;
  for (let attempt = 1; left.length > 0; attempt++) {
    const stars = new Map<string, number>();
    for (const r of left) stars.set(r.star, (stars.get(r.star) ?? 0) + 1);
    const names: Record<string, string> = { '#counted': COUNTED };
    const values: Record<string, unknown> = { ':numbers': new Set(left.map((r) => r.number)), ':pageUrl': pageUrl, ':pageKey': pageKey, ':expires': expiresAt };
    const adds = [...stars].map(([star, n]) => {
      names[`#${star}`] = star;
      values[`:${star}`] = n;
      return `#${star} :${star}`;
    });
    left.forEach((r, i) => (values[`:n${i}`] = r.number));
    try {
      await db.doc.send(
        new UpdateCommand({
          TableName: db.tableName,
          Key: key,
          UpdateExpression: `ADD ${adds.join(', ')}, #counted :numbers SET pageUrl = :pageUrl, pageKey = :pageKey, expiresAt = :expires`,
          ConditionExpression: left.map((_, i) => `NOT contains(#counted, :n${i})`).join(' AND '),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
      return;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException) || attempt >= ATTEMPTS) throw error;
    }
    const shard = await db.get<Item>(key);
    const counted = shard?.[COUNTED] instanceof Set ? (shard[COUNTED] as Set<number>) : new Set<number>();
    left = left.filter((r) => !counted.has(r.number));
  }
}
