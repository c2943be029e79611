import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import { MetricUnit, Metrics as PowertoolsMetrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import type { Context } from 'aws-lambda';
import type { LogFields, Logger, LogLevel } from '../logging/logger.js';
import type { Metrics } from './metrics.js';

/**
 * Powertools for AWS Lambda behind the application's own ports, created once per execution
 * environment (module scope in src/handler.ts), as in Powertools' examples/app:
 *
 * - Logger: JSON lines with the Lambda request id (function_request_id, from addContext on each
 *   invocation), the X-Ray trace id (xray_trace_id, read for each line) and, from the
 *   observability plugin, the GraphQL operation's name. Only what the code passes is logged: the
 *   rule stays "never variables, never personal data".
 * - Metrics: each count is written at once as CloudWatch embedded metric format (a single-metric
 *   line with its own dimensions), in the configured namespace.
 * - Tracer: AWS SDK v3 clients passed to `traced` record each call (DynamoDB, Secrets Manager) as
 *   an X-Ray subsegment. Off outside Lambda.
 *
 * Nothing outside src/observability and src/handler.ts imports Powertools: domain and services
 * see only the Logger and Metrics ports.
 */
export interface Observability {
  logger: Logger;
  metrics: Metrics;
  /** Instruments an AWS SDK v3 client for tracing, returning it. */
  traced<T>(client: T): T;
  /** Call at the start of every invocation: adds the Lambda context to the logs. */
  startInvocation(context: Context): void;
}

export function createPowertools(options: { serviceName: string; namespace: string; logLevel: LogLevel }): Observability {
  const ptLogger = new PowertoolsLogger({ serviceName: options.serviceName, logLevel: options.logLevel.toUpperCase() as 'INFO' });
  const ptMetrics = new PowertoolsMetrics({ serviceName: options.serviceName, namespace: options.namespace });
  const tracer = new Tracer({ serviceName: options.serviceName });
  let coldStart = true;
  return {
    logger: powertoolsLogger(ptLogger),
    metrics: powertoolsMetrics(ptMetrics),
    traced: <T>(client: T) => (tracer.isTracingEnabled() ? (tracer.captureAWSv3Client(client as never) as T) : client),
    startInvocation(context) {
      ptLogger.addContext(context);
      if (coldStart) {
        coldStart = false;
        ptMetrics.captureColdStartMetric(context.functionName);
      }
    },
  };
}

/** The application's Logger port over a Powertools Logger. */
export function powertoolsLogger(pt: PowertoolsLogger): Logger {
  const extra = (fields?: LogFields) => (fields ? [fields as Record<string, unknown>] : []);
  return {
    debug: (message, fields) => pt.debug(message, ...extra(fields)),
    info: (message, fields) => pt.info(message, ...extra(fields)),
    warn: (message, fields) => pt.warn(message, ...extra(fields)),
    error: (message, fields) => pt.error(message, ...extra(fields)),
    child: (fields) => powertoolsLogger(pt.createChild({ persistentKeys: fields as Record<string, unknown> })),
  };
}

/** The application's Metrics port over Powertools Metrics: one EMF line per count. */
export function powertoolsMetrics(pt: PowertoolsMetrics): Metrics {
  return {
    count(name, dimensions = {}, value = 1) {
      const single = pt.singleMetric();
      for (const [key, dimension] of Object.entries(dimensions)) single.addDimension(key, dimension);
      single.addMetric(name, MetricUnit.Count, value);
    },
  };
}
