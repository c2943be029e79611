import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/testApp.js';

const DEADLINE = `query Deadline($input: StatutoryDeadlineInput!) {
  statutoryDeadline(input: $input) {
    kind receivedOn dueOn rule holidaySet skippedDays { date name } daysRemaining workingDaysRemaining overdue
  }
}`;

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  app.setNow('2026-03-16T12:00:00Z');
});

const ask = (kind: string, receivedOn: string) => app.gql(DEADLINE, { input: { kind, receivedOn } });

describe('statutoryDeadline, for anyone', () => {
  it.each([
    ['FOI', '2024-12-20', '2025-01-23'],
    ['FOI', '2026-03-02', '2026-03-31'],
    ['FOI_PUBLIC_INTEREST_LIMIT', '2026-03-02', '2026-04-30'],
    ['SAR', '2026-01-31', '2026-03-02'],
    ['SAR', '2024-11-25', '2024-12-27'],
    ['SAR_EXTENDED', '2026-01-31', '2026-04-30'],
    ['COMPLAINT_REVIEW_WINDOW', '2026-04-01', '2026-04-29'],
  ])('%s received %s is due %s (RULES.md)', async (kind, receivedOn, dueOn) => {
    const res = await ask(kind, receivedOn);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.statutoryDeadline).toMatchObject({ kind, receivedOn, dueOn });
  });

  it('explains itself: the rule, the holiday set, and each day skipped by name', async () => {
    const res = await ask('FOI', '2026-03-02');
    const d = res.body.data!.statutoryDeadline;
    expect(d.rule).toMatch(/20th working day/);
    expect(d.holidaySet).toBe('FOIA working days (UK-wide bank holidays), data 2023–2028 (2028 provisional), version bundled-2026-11-22');
    expect(d.skippedDays).toContainEqual({ date: '2026-03-17', name: "St Patrick’s Day (Northern Ireland)" });
    expect(d.skippedDays).toHaveLength(9);
  });

  it('says how long is left today, in Europe/London', async () => {
    const d = (await ask('FOI', '2026-03-02')).body.data!.statutoryDeadline;
    expect(d).toMatchObject({ daysRemaining: 15, workingDaysRemaining: 10, overdue: false });
    const late = (await ask('SAR', '2026-01-31')).body.data!.statutoryDeadline;
    expect(late).toMatchObject({ daysRemaining: -14, overdue: true });
    const review = (await ask('COMPLAINT_REVIEW_WINDOW', '2026-03-10')).body.data!.statutoryDeadline;
    expect(review).toMatchObject({ dueOn: '2026-04-07', workingDaysRemaining: null, skippedDays: [] });
  });

  it('refuses a date the holiday data does not cover, naming the year', async () => {
    const res = await ask('FOI', '2028-12-20');
    expect(res.body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(res.body.errors![0]!.message).toMatch(/no bank holiday data for 2029/);
  });

  it('refuses a date that does not exist', async () => {
    const res = await ask('SAR', '2026-02-30');
    expect(res.status).toBe(400);
    expect(res.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});
