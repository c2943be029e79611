import { describe, expect, it } from 'vitest';
import { averageOf, rankingPosition, summaryRange, type StarCounts } from '../../src/pageRatings/aggregates.js';
import { itemKinds } from '../../src/store/catalogue.js';

/** The ranking index's sort key, as the repository writes it. */
const rankingSortKey = (c: StarCounts, pageKey: string) => itemKinds.pageRank.gsi1.sk.fill(rankingPosition(c, pageKey));

describe('summaryRange', () => {
  const today = '2026-11-21';
  it.each([
    ['LAST_7_DAYS', '2026-11-15'],
    ['LAST_30_DAYS', '2026-10-23'],
    ['LAST_90_DAYS', '2026-08-24'],
  ] as const)('%s ends today and starts on %s', (period, from) => {
    expect(summaryRange({ period }, today)).toEqual({ ok: true, range: { from, to: today } });
  });

  it('takes a date range of up to 366 days, across a leap day', () => {
    expect(summaryRange({ from: '2028-01-01', to: '2028-12-31' }, today)).toEqual({ ok: true, range: { from: '2028-01-01', to: '2028-12-31' } });
    expect(summaryRange({ from: '2027-01-01', to: '2028-01-02' }, today)).toMatchObject({ ok: false, field: 'to' });
  });

  it.each([
    [{ period: 'LAST_7_DAYS', from: '2026-01-01', to: '2026-01-02' }, 'period'],
    [{ from: '2026-01-01' }, 'to'],
    [{}, 'from'],
    [{ from: '2026-02-30', to: '2026-03-01' }, 'from'],
    [{ from: '2026-03-02', to: '2026-03-01' }, 'to'],
  ] as const)('refuses %j (field %s)', (args, field) => {
    expect(summaryRange(args, today)).toMatchObject({ ok: false, field });
  });
});

describe('averages and ranking', () => {
  it('averages to two decimals, null with no ratings', () => {
    expect(averageOf({ s1: 1, s2: 1, s3: 1 })).toBe(2);
    expect(averageOf({ s1: 2, s2: 0, s3: 1 })).toBe(1.67);
    expect(averageOf({ s1: 0, s2: 0, s3: 0 })).toBeNull();
  });

  it('orders pages worst first, and among equal averages the most-rated first', () => {
    const keys = [
      rankingSortKey({ s1: 0, s2: 0, s3: 4 }, 'c'),
      rankingSortKey({ s1: 2, s2: 0, s3: 0 }, 'b'),
      rankingSortKey({ s1: 50, s2: 0, s3: 0 }, 'a'),
      rankingSortKey({ s1: 1, s2: 1, s3: 0 }, 'd'),
    ].sort();
    expect(keys.map((k) => k.split('#').at(-1))).toEqual(['a', 'b', 'd', 'c']);
  });
});
