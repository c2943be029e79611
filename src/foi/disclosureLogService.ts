import * as z from 'zod';
import type { Caller } from '../auth/caller.js';
import type { HolidayCalendar } from '../calendar/holidays.js';
import { isIsoDate, londonDateOf } from '../calendar/londonDate.js';
import { workingDayWindow } from '../calendar/workingDays.js';
import { indexKey, listQueue } from '../cases/caseIndex.js';
import type { CaseService } from '../cases/caseService.js';
import type { DisclosureLogSearch } from '../generated/graphql.js';
import type { Db, Item } from '../store/db.js';
import { keys } from '../store/keys.js';
import type { RateLimiter, RateRule } from '../store/rateLimiter.js';
import type { ReadBudget } from '../store/readBudget.js';
import type { Connection, PageArgs, Paginator } from '../store/pagination.js';
import { parseQueryInput } from '../validation/parse.js';
import { foiCaseType } from './caseType.js';
import { exemptionView, named } from './catalogue.js';
import { searchWords } from './disclosureWords.js';
import type { FoiRecord } from './model.js';
import { disclosureLogQueue, disclosureWordQueue, foiQueueRow, requesterNameQueue, requesterQueue } from './queues.js';

/** The aggregation window for s.12 and s.14: 60 working days either side of a request. */
const REQUESTER_WINDOW_WORKING_DAYS = 60;

/** Suggestions are a short list for a person to read, not a second history. */
const MAX_SUGGESTIONS = 50;

const searchInput = z
  .object({
    text: z.string().max(200, 'Search with at most 200 characters.').nullish(),
    from: z.string().refine(isIsoDate, 'Give dates as YYYY-MM-DD.').nullish(),
    to: z.string().refine(isIsoDate, 'Give dates as YYYY-MM-DD.').nullish(),
  })
  .refine((s) => !s.from || !s.to || s.from <= s.to, {
    message: 'The search starts (from) after it ends (to): give `from` on or before `to`.',
    path: ['from'],
    params: { code: 'OUT_OF_RANGE' },
  })
  .nullish();

/**
 * The reads that are FOI's own, beside what the shared machinery runs from the case type: the
 * public disclosure log (newest first, by date and by every search word; never the requester) and
 * a requester's other requests. Everything else about FOI requests is src/cases/caseService.ts.
 */
export class DisclosureLogService {
  constructor(
    private readonly db: Db,
    private readonly paginator: Paginator,
    private readonly cases: CaseService,
    private readonly calendar: HolidayCalendar,
    private readonly now: () => Date,
    private readonly publicReads?: { limiter: RateLimiter; rule: RateRule },
  ) {}

  /**
   * The public disclosure log: newest first, by date and by every search word. Bounded: counted
   * once per request against the source's public-read limit, and read within the request's budget
   * (shared by every aliased field); a search starts from its rarest word and, if the budget runs
   * out first, says "refine your search" with what it found.
   */
  async disclosureLog(search: DisclosureLogSearch | null | undefined, page: PageArgs, request: { budget?: ReadBudget; sourceHash?: string } = {}) {
    const valid = parseQueryInput(searchInput, search, 'search');
    if (this.publicReads && request.sourceHash && !request.budget?.counted) {
      if (request.budget) request.budget.counted = true;
      await this.publicReads.limiter.hit('public-read', request.sourceHash, this.publicReads.rule);
    }
    const range = { from: valid?.from ?? undefined, to: valid?.to ?? undefined };
    const words = searchWords(valid?.text ?? '', 10);
    if (words.length === 0) {
      const log = await listQueue(this.paginator, disclosureLogQueue, range, false, page, toDisclosure, undefined, request.budget);
      return { ...log, refineSearch: null };
    }
    const [first, ...rest] = (await rarestFirst(this.db, words)) as [string, ...string[]];
    const found = await listQueue(
      this.paginator,
      disclosureWordQueue(first),
      range,
      false,
      page,
      (item) => ({ reference: item.reference as string, publishedOn: item.publishedOn as string }),
      rest.length
        ? {
            expression: rest.map((_, i) => `contains(#words, :w${i})`).join(' AND '),
            names: { '#words': 'words' },
            values: Object.fromEntries(rest.map((w, i) => [`:w${i}`, w])),
          }
        : undefined,
      request.budget,
    );
    const entries = await this.disclosuresFor(found.edges.map((e) => e.node));
    const byRef = new Map(entries.map((e) => [e.reference as string, e]));
    return {
      pageInfo: found.pageInfo,
      edges: found.edges.filter((e) => byRef.has(e.node.reference)).map((e) => ({ cursor: e.cursor, node: toDisclosure(byRef.get(e.node.reference)!) })),
      refineSearch: found.stoppedAtReadBudget ? { message: refineMessage, entriesRead: request.budget?.used ?? 0 } : null,
    };
  }

  /** The disclosure log entries for these (publishedOn, reference) pairs, in that order. */
  private async disclosuresFor(found: Array<{ reference: string; publishedOn: string }>): Promise<Item[]> {
    const items = await this.db.getMany<Item>(found.map((f) => indexKey({ queue: disclosureLogQueue, sortKey: f.publishedOn }, f.reference)));
    const byRef = new Map(items.map((i) => [i.reference as string, i]));
    return found.map((f) => byRef.get(f.reference)).filter((i): i is Item => Boolean(i));
  }

  /**
   * Other requests by the same requester within 60 working days either side of this one (s.12
   * aggregation, s.14 repeats), and, on the first page, suggestions: requests in the same window
   * under the same name with a different email or address (another channel, perhaps the same
   * person; staff judge). Reading the request is audited, as any staff read of a case is.
   */
  async requesterHistory(reference: string, page: PageArgs, caller: Caller): Promise<RequesterHistory> {
    const r = await this.cases.get<FoiRecord>(foiCaseType, reference, caller);
    if (!r) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, suggestions: [] };
    const today = londonDateOf(this.now());
    const row = (item: Item) => foiQueueRow(item, today);
    const window = workingDayWindow(this.calendar, r.receivedOn, REQUESTER_WINDOW_WORKING_DAYS, 'FOIA', today);
    const connection = await listQueue(this.paginator, requesterQueue(r.requesterKey), window, true, page, row);
    const edges = connection.edges.filter((e) => e.node.reference !== r.reference);
    if (page.after || !r.requesterNameKey) return { pageInfo: connection.pageInfo, edges, suggestions: [] };
    // Same name, but not the requester's own requests (told apart by the requester key each entry carries).
    const named = await listQueue(this.paginator, requesterNameQueue(r.requesterNameKey), window, true, { first: 100 }, (item) => ({
      row: row(item),
      theirs: item.requesterKey === r.requesterKey,
    }));
    const suggestions = named.edges
      .filter((e) => !e.node.theirs && e.node.row.reference !== r.reference)
      .slice(0, MAX_SUGGESTIONS)
      .map((e) => ({ request: e.node.row, why: 'Same name, different email or postal address: perhaps the same person through another channel. A suggestion, not a match.' }));
    return { pageInfo: connection.pageInfo, edges, suggestions };
  }
}

type HistoryRow = ReturnType<typeof foiQueueRow>;
export type RequesterHistory = Connection<HistoryRow> & { suggestions: Array<{ request: HistoryRow; why: string }> };

function toDisclosure(item: Item) {
  return {
    reference: item.reference as string,
    title: item.title as string,
    question: item.question as string,
    answer: item.answer as string,
    outcome: item.outcome as NonNullable<FoiRecord['response']>['outcome'],
    exemptions: ((item.exemptions as string[]) ?? []).map((s) => exemptionView(named(s))),
    publishedOn: item.publishedOn as string,
  };
}

/**
 * Which search word to start from: the one fewest published responses contain, from the word
 * counts the table's stream keeps (disclosureLogWordCountStore.ts), read in one BatchGetItem. A word
 * without a count has no entries yet (or was published a moment ago): it sorts first, and reading
 * its partition costs one small Query. Counts lag publication by seconds;
 * they only choose the order, never what is found.
 */
async function rarestFirst(db: Db, words: string[]): Promise<string[]> {
  if (words.length < 2) return words;
  const counts = await db.getMany<Item>(words.map((w) => keys.disclosureWordCount(w)));
  const countOf = new Map(counts.map((c) => [c.pk as string, Number(c.count ?? 0)]));
  const count = (w: string) => countOf.get(keys.disclosureWordCount(w).pk) ?? 0;
  return [...words].sort((a, b) => count(a) - count(b));
}

const refineMessage = 'Too many responses contain these words: add a rarer word or dates to narrow the search.';
