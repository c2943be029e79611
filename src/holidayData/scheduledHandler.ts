import { createLogger } from '../logging/logger.js';
import { createDocumentClient } from '../store/client.js';
import { Db } from '../store/db.js';
import { HolidayDataStore } from '../store/holidayDataStore.js';
import { GOV_UK_BANK_HOLIDAYS_URL, refreshHolidayData } from './refresh.js';
import { requiredEnv } from '../lambdaEnvironment.js';

/**
 * The scheduled Lambda (an EventBridge rule, weekly): refreshes the stored bank holiday data from
 * GOV.UK. A file that fails validation is refused and logged; a failure to reach GOV.UK throws,
 * so the function's error alarm fires. Neither changes the data the API uses.
 */
const logger = createLogger({ base: { service: 'contact-counts', function: 'holiday-data-refresh' } });
const doc = createDocumentClient({});

export async function handler(): Promise<{ outcome: string; version?: string }> {
  const tableName = requiredEnv('TABLE_NAME');
  const url = process.env.HOLIDAY_DATA_URL ?? GOV_UK_BANK_HOLIDAYS_URL;
  const result = await refreshHolidayData({ store: new HolidayDataStore(new Db(doc, tableName)), url });
  switch (result.outcome) {
    case 'STORED':
      logger.info('holiday data stored', {
        version: result.version,
        previous: result.previous,
        lastYear: result.coverage.lastYear,
        provisionalYears: result.coverage.provisionalYears.map(String),
      });
      return { outcome: result.outcome, version: result.version };
    case 'UNCHANGED':
      logger.info('holiday data unchanged', { version: result.version });
      return { outcome: result.outcome, version: result.version };
    case 'REFUSED':
      logger.error('holiday data refused', { problems: result.problems });
      throw new Error(`GOV.UK's bank holiday file was refused: ${result.problems.slice(0, 5).join('; ')}`);
  }
}
