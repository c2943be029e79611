import type { HolidayCalendar } from '../calendar/holidays.js';
import { londonDateOf } from '../calendar/londonDate.js';
import type { CaseTypeRegistry } from '../cases/registry.js';
import type { TrackingCodes } from '../cases/trackingCode.js';
import type { TrackedCase } from '../generated/graphql.js';
import type { Db, Item } from '../store/db.js';
import { keys } from '../store/keys.js';
import type { RateLimiter, RateRule } from '../store/rateLimiter.js';

/**
 * trackCase: a case's public status for whoever holds its reference and tracking code. An unknown
 * reference and a wrong code are indistinguishable (same answer, same work: the code is hashed
 * and compared either way). Each source may try only so often, which makes guessing an 80-bit code
 * hopeless; there is deliberately no per-reference lock-out, which would let anyone lock a
 * submitter out of their own case. What each case type shows comes from its own definition,
 * found in the registry: tracking imports no case type.
 */
export class TrackingService {
  constructor(
    private readonly db: Db,
    private readonly codes: TrackingCodes,
    private readonly registry: CaseTypeRegistry,
    private readonly calendar: HolidayCalendar,
    private readonly rateLimiter: RateLimiter,
    private readonly rule: RateRule,
    private readonly now: () => Date,
  ) {}

  async track(reference: string, trackingCode: string, sourceHash: string): Promise<Omit<TrackedCase, 'id'> | null> {
    await this.rateLimiter.hit('track', sourceHash, this.rule);
    const parsed = this.registry.parse(reference);
    const item = parsed ? await this.db.get<Item>(keys.case(parsed.reference)) : undefined;
    const matches = this.codes.matches(trackingCode, (item?.trackingCodeHash as string | undefined) ?? 'no-case');
    if (!item || !matches || !parsed || item.caseType !== parsed.kind.name) return null;
    const view = parsed.kind.publicView(item, londonDateOf(this.now()), this.calendar);
    return {
      reference: item.reference as string,
      caseType: parsed.kind.name,
      dueOn: null,
      ...view,
      // Every case type keeps its statutory day of receipt (a staff-logged letter's, not the day it was logged).
      receivedOn: typeof item.receivedOn === 'string' ? item.receivedOn : londonDateOf(new Date(item.createdAt as string)),
      lastUpdatedOn: londonDateOf(new Date(item.updatedAt as string)),
    };
  }
}
