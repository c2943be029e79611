import type { DailyCounts } from '../cases/workflow.js';
import type { ComplaintStatistics } from '../generated/graphql.js';
import type { ComplaintRecord } from './model.js';
import { allegationCategories, commonComplaintTypes, type NamedCode } from './catalogue.js';

/** The IOPC measures from summed daily counts (see actions.ts for what each action counts). */
export function summariseStatistics(counts: Record<string, number>, from: string, to: string): ComplaintStatistics {
  const n = (name: string) => counts[name] ?? 0;
  const average = (sum: string, count: string) => (n(count) ? Math.round((n(sum) / n(count)) * 10) / 10 : null);
  const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 1000 : null);
  const byCode = (prefix: string, list: NamedCode[]) =>
    list.map((c) => ({ code: c.code, name: c.name, count: n(`${prefix}${c.code}`) })).filter((c) => c.count > 0);
  const outside = n('handledOutsideSchedule3');
  const under = n('handledUnderSchedule3');
  return {
    from,
    to,
    received: n('received'),
    generalFeedback: n('generalFeedback'),
    logged: n('logged'),
    firstContacts: n('firstContacts'),
    averageWorkingDaysToLog: average('workingDaysToLog', 'logged'),
    averageWorkingDaysToFirstContact: average('workingDaysToFirstContact', 'firstContacts'),
    handledOutsideSchedule3: outside,
    handledUnderSchedule3: under,
    shareHandledOutsideSchedule3: share(outside, outside + under),
    escalatedToSchedule3: n('escalatedToSchedule3'),
    finalisedOutsideSchedule3: n('finalisedOutsideSchedule3'),
    averageWorkingDaysToFinaliseOutsideSchedule3: average('workingDaysToFinaliseOutsideSchedule3', 'finalisedOutsideSchedule3'),
    finalisedUnderSchedule3: n('finalisedUnderSchedule3'),
    averageWorkingDaysToFinaliseUnderSchedule3: average('workingDaysToFinaliseUnderSchedule3', 'finalisedUnderSchedule3'),
    referredToIopc: n('referredToIopc'),
    reviews: n('reviews'),
    reviewsDecided: n('reviewsDecided'),
    reviewsUpheld: n('reviewsUpheld'),
    shareOfReviewsUpheld: share(n('reviewsUpheld'), n('reviewsDecided')),
    allegationsByCategory: byCode('category_', allegationCategories),
    complaintTypes: byCode('type_', commonComplaintTypes),
  };
}

/** The quarter YYYY-Qn as a date range; undefined when it is not one. */
export function quarterRange(quarter: string): { from: string; to: string } | undefined {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter.trim().toUpperCase());
  if (!m || Number(m[1]) < 2000 || Number(m[1]) > 2100) return undefined;
  const year = m[1]!;
  const q = Number(m[2]);
  const ends = ['03-31', '06-30', '09-30', '12-31'];
  const starts = ['01-01', '04-01', '07-01', '10-01'];
  return { from: `${year}-${starts[q - 1]}`, to: `${year}-${ends[q - 1]}` };
}

/** Each IOPC measure, its definition and its value, as CSV for the quarterly return. */
export function measuresCsv(quarter: string, stats: ComplaintStatistics): string {
  const rows: Array<[string, string, number | null]> = [
    ['received', 'Part 2 complaints received (general feedback left out)', stats.received],
    ['logged', 'Complaints logged', stats.logged],
    ['average_working_days_to_log', 'Average working days from receipt to logging', stats.averageWorkingDaysToLog],
    ['first_contacts', 'Complaints first contacted', stats.firstContacts],
    ['average_working_days_to_first_contact', 'Average working days from receipt to first contact', stats.averageWorkingDaysToFirstContact],
    ['handled_outside_schedule_3', 'Complaints first handled in the quarter and handled outside Schedule 3 (not escalated)', stats.handledOutsideSchedule3],
    ['handled_under_schedule_3', 'Complaints first handled in the quarter and handled under Schedule 3 (escalations included)', stats.handledUnderSchedule3],
    ['share_handled_outside_schedule_3', 'Share of those handled outside Schedule 3', stats.shareHandledOutsideSchedule3],
    ['finalised_outside_schedule_3', 'Complaints finalised outside Schedule 3', stats.finalisedOutsideSchedule3],
    ['average_working_days_to_finalise_outside_schedule_3', 'Average working days from receipt to finalising outside Schedule 3', stats.averageWorkingDaysToFinaliseOutsideSchedule3],
    ['finalised_under_schedule_3', 'Complaints finalised under Schedule 3 (first outcome only)', stats.finalisedUnderSchedule3],
    ['average_working_days_to_finalise_under_schedule_3', 'Average working days from receipt to the first Schedule 3 outcome', stats.averageWorkingDaysToFinaliseUnderSchedule3],
    ['referred_to_iopc', 'Complaints referred to the IOPC (first referral)', stats.referredToIopc],
    ['reviews_received', 'Review applications received', stats.reviews],
    ['reviews_decided', 'Reviews decided', stats.reviewsDecided],
    ['reviews_upheld', 'Reviews upheld', stats.reviewsUpheld],
    ...stats.allegationsByCategory.map((c): [string, string, number] => [`allegations_${c.code.toLowerCase()}`, `Allegations: ${c.name}`, c.count]),
  ];
  const cell = (v: string | number | null) => (v === null ? '' : typeof v === 'number' ? String(v) : `"${v.replace(/"/g, '""')}"`);
  return [`quarter,measure,definition,value`, ...rows.map(([m, d, v]) => [cell(quarter), m, cell(d), cell(v)].join(','))].join('\n') + '\n';
}

/** What a complaint counts on arrival, on its day of receipt: received, and each common type chosen. */
export const arrivalCounts = (c: Pick<ComplaintRecord, 'receivedOn' | 'complaintTypes'>): DailyCounts => [
  { day: c.receivedOn, add: { received: 1, ...Object.fromEntries(c.complaintTypes.map((t) => [`type_${t}`, 1])) } },
];
