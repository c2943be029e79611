import type { ComplaintStatistics } from '../generated/graphql.js';
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
    logged: n('logged'),
    averageWorkingDaysToLog: average('workingDaysToLog', 'logged'),
    averageWorkingDaysToFirstContact: average('workingDaysToFirstContact', 'firstContacts'),
    handledOutsideSchedule3: outside,
    handledUnderSchedule3: under,
    shareHandledOutsideSchedule3: share(outside, outside + under),
    finalisedOutsideSchedule3: n('finalisedOutsideSchedule3'),
    averageWorkingDaysToFinaliseOutsideSchedule3: average('workingDaysToFinaliseOutsideSchedule3', 'finalisedOutsideSchedule3'),
    finalisedUnderSchedule3: n('finalisedUnderSchedule3'),
    averageWorkingDaysToFinaliseUnderSchedule3: average('workingDaysToFinaliseUnderSchedule3', 'finalisedUnderSchedule3'),
    reviews: n('reviews'),
    reviewsDecided: n('reviewsDecided'),
    reviewsUpheld: n('reviewsUpheld'),
    shareOfReviewsUpheld: share(n('reviewsUpheld'), n('reviewsDecided')),
    allegationsByCategory: byCode('category_', allegationCategories),
    complaintTypes: byCode('type_', commonComplaintTypes),
  };
}
