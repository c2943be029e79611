import type { Resolvers } from '../generated/graphql.js';
import { acknowledgedInTime, acknowledgementDueOn } from './clock.js';

/**
 * What a data-protection complaint derives when read rather than stores: the acknowledgement's due
 * day and whether it was acknowledged within the 30 days, both from the (correctable) day of
 * receipt, so a corrected day needs nothing rewritten.
 */
export const dataProtectionResolvers = (): Resolvers => ({
  DataProtectionComplaint: {
    acknowledgementDueOn: (c) => acknowledgementDueOn(c.receivedOn),
    acknowledgement: (c) => c.acknowledgement && { ...c.acknowledgement, withinTime: acknowledgedInTime(c.receivedOn, c.acknowledgement.acknowledgedOn) },
  },
});
