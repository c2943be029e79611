import { londonDateOf } from '../calendar/londonDate.js';
import { CalendarCoverageError, ukCalendar } from '../calendar/holidays.js';
import { UserInputError } from '../errors.js';
import type { Resolvers } from '../generated/graphql.js';
import { deadlineStatus, statutoryDeadline } from './deadlines.js';

export const deadlineResolvers: Resolvers = {
  Query: {
    statutoryDeadline: (_, { input }, { services }) => {
      try {
        const deadline = statutoryDeadline(ukCalendar, input.kind, input.receivedOn);
        const status = deadlineStatus(ukCalendar, deadline.dueOn, londonDateOf(services.now()), deadline.workingDayRule);
        return { ...deadline, skippedDays: deadline.skipped, holidayDataVersion: ukCalendar.version, ...status };
      } catch (error) {
        if (error instanceof CalendarCoverageError) {
          throw new UserInputError([{ field: ['input', 'receivedOn'], message: error.message, code: 'OUT_OF_RANGE' }]);
        }
        throw error;
      }
    },
    bankHolidayCoverage: () => ukCalendar.coverage(),
  },
};
