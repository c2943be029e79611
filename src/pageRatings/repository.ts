import { addDays, londonDateOf } from '../calendar/londonDate.js';
import { caseItem, type CreatedCase } from '../cases/submitOnce.js';
import { expiryEpochSeconds, type RetentionSchedule } from '../retention/schedule.js';
import type { Db, Item, TransactItem } from '../store/db.js';
import { indexEntries, indexKeys, keys } from '../store/keys.js';
import type { Connection, PageArgs, Paginator } from '../store/pagination.js';
import { addCounts, noStars, type DateRange, type StarCounts } from './aggregates.js';
import { pageKeyOf } from './pageUrl.js';
import { tiersToRead } from './ranking.js';
import type { ReadBudget } from '../store/readBudget.js';
import type { PageRatingRecord, ResearchContactRecord } from './model.js';
import type { SubmitPageRating } from './validation.js';
import type { PersonalDataKind } from '../redaction/personalData.js';

export const ALL_TIME = 'ALL';

/**
 * A page's ratings of one day are counted in this many items (a rating's shard is its reference
 * number modulo this), so that each stays small and concurrent counting seldom meets on one item;
 * a summary sums the shards.
 */
export const DAY_SHARDS = 10;

export interface RankedPage {
  pageUrl: string;
  counts: StarCounts;
}

/**
 * Page ratings in the table:
 * - the rating is a case item (CASE#ref / CASE), with gsi1 = the page's comments, newest first,
 *   when it has a comment;
 * - research-contact details are a separate item (CASE#ref / RESEARCH_CONTACT) with their own,
 *   shorter retention, listed by gsi1 and found for erasure by a keyed hash of the email (gsi2);
 * - each page has a count per star per day, in shards (PAGE#key / DAY#date#n), ADDed from the
 *   table's stream by src/pageRatings/dayCountStore.ts, exactly once per rating: exact, seconds behind,
 *   and no request writes it;
 * - the ranking (PAGE#key / RANK#period, worst first by gsi1, in tier partitions) is kept from the table's stream
 *   by rankingConsumer.ts: it lags the ratings by seconds and no request ever writes it.
 */
export class PageRatingRepository {
  constructor(
    private readonly db: Db,
    private readonly paginator: Paginator,
    private readonly retention: RetentionSchedule,
  ) {}

  /**
   * A new rating's item: the case envelope and the rating. The page is kept by its address only
   * (its key is the address without "https://"), so a bare rating stays one small item (one write
   * unit for addresses up to several hundred characters). Counted later, from the table's stream.
   */
  newRatingItem(created: CreatedCase, input: SubmitPageRating, comment: { text: string; kinds: PersonalDataKind[] } | null): Item {
    const at = created.receivedAt.toISOString();
    const { pageUrl, pageKey } = input.pageUrl;
    return caseItem(created, 'PAGE_RATING', expiryEpochSeconds(this.retention, 'PAGE_RATING', created.receivedAt), {
      ...(comment && indexEntries.pageComment(pageKey, at, created.reference)),
      status: 'RECEIVED',
      pageUrl,
      rating: input.rating,
      comment: comment?.text ?? null,
      redactions: comment?.kinds ?? [],
      hasResearchContact: input.researchContact !== null,
      reviewOutcome: null,
    });
  }

  /** The items a rating with a comment or contact details writes, for the submission transaction. */
  async newRatingItems(
    created: CreatedCase,
    input: SubmitPageRating,
    comment: { text: string; kinds: PersonalDataKind[] } | null,
    emailHash: string | null,
  ): Promise<TransactItem[]> {
    const { reference, receivedAt } = created;
    const at = receivedAt.toISOString();
    const items: TransactItem[] = [this.db.putNew(this.newRatingItem(created, input, comment))];
    if (input.researchContact) {
      const deleteAt = expiryEpochSeconds(this.retention, 'RESEARCH_CONTACT', receivedAt);
      items.push(
        this.db.putNew({
          ...keys.researchContact(reference),
          ...indexEntries.researchContact(at, reference),
          ...(emailHash && indexEntries.researchContactByEmail(emailHash, reference)),
          kind: 'RESEARCH_CONTACT',
          reference,
          name: input.researchContact.name,
          email: input.researchContact.email,
          pageUrl: input.pageUrl.pageUrl,
          consentedAt: at,
          expiresAt: deleteAt,
        }),
      );
    }
    return items;
  }

  async get(reference: string): Promise<PageRatingRecord | undefined> {
    const item = await this.db.get<Item>(keys.case(reference));
    return item?.caseType === 'PAGE_RATING' ? toRating(item) : undefined;
  }

  /** Day counts for a range: one query of at most DAY_SHARDS small items per day that had ratings. */
  async countsForRange(pageKey: string, range: DateRange): Promise<StarCounts> {
    const days = await this.db.queryAll({
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': keys.pagePartition(pageKey), ':from': keys.pageDaysFrom(range.from), ':to': keys.pageDaysTo(range.to) },
    });
    return days.reduce((total, item) => addCounts(total, countsOf(item)), noStars);
  }

  comments(pageKey: string, page: PageArgs): Promise<Connection<PageRatingRecord>> {
    return this.paginator.list(
      { index: 'gsi1', keyCondition: 'gsi1pk = :pk', values: { ':pk': indexKeys.pageComments(pageKey) }, ascending: false },
      page,
      toRating,
    );
  }

  /**
   * The ranking among pages with at least `minimumRatings`: the partitions of the largest tier not
   * above it (filtered only when the minimum is between tiers) and of every tier above, merged by
   * rank (src/pageRatings/ranking.ts; at most 3 Queries for a minimum of 5 or more), never beyond the
   * read budget.
   */
  ranking(period: string, minimumRatings: number, page: PageArgs, budget?: ReadBudget): Promise<Connection<RankedPage>> {
    const tiers = tiersToRead(minimumRatings);
    return this.paginator.merged(
      tiers.map((tier) => ({
        index: 'gsi1' as const,
        keyCondition: 'gsi1pk = :pk',
        values: { ':pk': indexKeys.pageRanking(period, tier), ...(tier < minimumRatings && { ':min': minimumRatings }) },
        ...(tier < minimumRatings && { filter: '#total >= :min', names: { '#total': 'total' } }),
        ascending: true,
      })),
      'gsi1sk',
      page,
      (item) => ({ pageUrl: item.pageUrl as string, counts: countsOf(item) }),
      budget,
    );
  }

  researchContacts(page: PageArgs): Promise<Connection<ResearchContactRecord>> {
    return this.paginator.list(
      { index: 'gsi1', keyCondition: 'gsi1pk = :pk', values: { ':pk': indexKeys.researchContacts() }, ascending: false },
      page,
      toContact,
    );
  }

  /** The references whose contact details were given with this email (by its keyed hash). */
  async contactsByEmail(emailHash: string): Promise<string[]> {
    const items = await this.db.queryAll({
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': indexKeys.researchContactsByEmail(emailHash) },
    });
    return items.map((i) => i.reference as string);
  }

  /** Deleting a contact item, and marking its rating as having none, for the erasure transaction. */
  eraseContactItems(reference: string, at: string): TransactItem[] {
    return [
      this.db.deleteItem(keys.researchContact(reference)),
      this.db.updateItem(
        keys.case(reference),
        'SET hasResearchContact = :false, updatedAt = :at',
        undefined,
        { ':false': false, ':at': at },
        'attribute_exists(pk)',
      ),
    ];
  }
}

export function countsOf(item: Item | undefined): StarCounts {
  return { s1: Number(item?.s1 ?? 0), s2: Number(item?.s2 ?? 0), s3: Number(item?.s3 ?? 0) };
}

export function toRating(item: Item): PageRatingRecord {
  return {
    reference: item.reference as string,
    pageUrl: item.pageUrl as string,
    pageKey: (item.pageKey as string | undefined) ?? pageKeyOf(item.pageUrl as string),
    rating: item.rating as number,
    comment: (item.comment as string | null) ?? null,
    redactions: (item.redactions as PersonalDataKind[]) ?? [],
    hasResearchContact: Boolean(item.hasResearchContact),
    receivedAt: item.createdAt as string,
    status: item.status as PageRatingRecord['status'],
    reviewOutcome: (item.reviewOutcome as PageRatingRecord['reviewOutcome']) ?? null,
    version: item.version as number,
    updatedAt: item.updatedAt as string,
    submittedFields: (item.submittedFields as string[] | undefined) ?? [],
  };
}

function toContact(item: Item): ResearchContactRecord {
  return {
    reference: item.reference as string,
    name: (item.name as string | null) ?? null,
    email: (item.email as string | null) ?? null,
    pageUrl: item.pageUrl as string,
    consentedAt: item.consentedAt as string,
    deleteOn: addDays(londonDateOf(new Date((item.expiresAt as number) * 1000)), 0),
  };
}
