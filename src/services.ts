import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AuditLog } from './audit/auditLog.js';
import type { TokenVerifier } from './auth/tokens.js';
import { SubmissionDesk } from './cases/submitOnce.js';
import { TrackingCodes } from './cases/trackingCode.js';
import type { AppConfig } from './config.js';
import { KeyedHasher } from './crypto/keyedHash.js';
import type { Logger } from './logging/logger.js';
import { METRIC, noMetrics, type Metrics } from './observability/metrics.js';
import { DisclosureLogService } from './foi/disclosureLogService.js';
import { PageRatingRepository } from './pageRatings/repository.js';
import { PageRatingService } from './pageRatings/service.js';
import { Db } from './store/db.js';
import { Paginator } from './store/pagination.js';
import { RateLimiter } from './store/rateLimiter.js';
import { TrackingService } from './tracking/service.js';
import { CaseService } from './cases/caseService.js';
import type { CaseTypeRegistry } from './cases/registry.js';
import { registry } from './caseTypes.js';
import { ukCalendar } from './calendar/holidays.js';
import { Outbox } from './outbox/outboxItems.js';
import { CorrespondenceService } from './correspondence/service.js';
import { adoptStoredHolidayData } from './holidayData/refresh.js';
import { HolidayDataStore } from './store/holidayDataStore.js';

/** What the server needs from outside: the same for Lambda, the local server and the tests. */
export interface AppDependencies {
  config: AppConfig;
  doc: DynamoDBDocumentClient;
  tableName: string;
  /** The application secret (32+ bytes): keys every hash and signs cursors. */
  secret: Buffer;
  tokenVerifier: TokenVerifier;
  logger: Logger;
  /** Where counts go (Powertools Metrics in Lambda); nowhere unless given. */
  metrics?: Metrics;
  /** The clock (tests set it). */
  now?: () => Date;
  /**
   * The schema text to serve: by default the one without descriptions (src/generated/runtimeSchema.ts,
   * what Lambda runs, where introspection is off); the local server gives the described one so that
   * GraphiQL and introspecting clients get the documentation.
   */
  typeDefs?: string;
  /** The value CloudFront's origin header carries when the stack has an edge (see HandlerOptions in src/server.ts). */
  edgeOriginVerify?: string;
}

export interface Services {
  config: AppConfig;
  logger: Logger;
  metrics: Metrics;
  hasher: KeyedHasher;
  tokenVerifier: TokenVerifier;
  audit: AuditLog;
  tracking: TrackingService;
  /** Every case type's submission, reads, actions, queues and statistics, run from its definition. */
  cases: CaseService;
  registry: CaseTypeRegistry;
  pageRatings: PageRatingService;
  /** Every case's correspondence log, the undeliverable queue, staff-recorded correspondence. */
  correspondence: CorrespondenceService;
  /** FOI's own reads: the public disclosure log and a requester's history. */
  foi: DisclosureLogService;
  now: () => Date;
  /**
   * Settles once the newest stored bank holiday data (if any) is in use; until then clocks use the
   * shipped data, and every clock records the version it used either way.
   */
  holidayDataReady: Promise<string | undefined>;
}

/** Builds every service once per process; requests share them. */
export function createServices(deps: AppDependencies): Services {
  const now = deps.now ?? (() => new Date());
  const metrics = deps.metrics ?? noMetrics;
  const db = new Db(deps.doc, deps.tableName, () => metrics.count(METRIC.conflictRetries));
  const hasher = new KeyedHasher(deps.secret);
  const trackingCodes = new TrackingCodes(hasher);
  const rateLimiter = new RateLimiter(db, now);
  const audit = new AuditLog(db, deps.config.retention);
  const paginator = new Paginator(db, hasher);
  const desk = new SubmissionDesk(
    db,
    hasher,
    trackingCodes,
    rateLimiter,
    audit,
    {
      rateLimit: deps.config.submitRateLimit,
      duplicateWindowSeconds: deps.config.duplicateWindowSeconds,
      retention: deps.config.retention,
    },
    now,
  );
  const outbox = new Outbox(db, ukCalendar);
  const holidayDataReady = adoptStoredHolidayData(new HolidayDataStore(db)).catch((error: unknown) => {
    deps.logger.warn('stored holiday data not adopted; using the shipped data', { error: (error as Error).name });
    return undefined;
  });
  const cases = new CaseService({ db, desk, paginator, audit, hasher, registry, retention: deps.config.retention, calendar: ukCalendar, now, logger: deps.logger, outbox });
  return {
    config: deps.config,
    logger: deps.logger,
    metrics,
    hasher,
    tokenVerifier: deps.tokenVerifier,
    audit,
    now,
    registry,
    tracking: new TrackingService(db, trackingCodes, registry, ukCalendar, rateLimiter, deps.config.trackRateLimit, now),
    cases,
    pageRatings: new PageRatingService(
      deps.config,
      db,
      desk,
      new PageRatingRepository(db, paginator, deps.config.retention),
      audit,
      hasher,
      now,
      deps.logger,
    ),
    correspondence: new CorrespondenceService({ db, paginator, audit, hasher, registry, now }),
    foi: new DisclosureLogService(db, paginator, cases, ukCalendar, now, { limiter: rateLimiter, rule: deps.config.publicReadRateLimit }),
    holidayDataReady,
  };
}
