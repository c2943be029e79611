import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import { Metrics as PowertoolsMetrics } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPowertools, powertoolsLogger, powertoolsMetrics } from '../../src/observability/powertools.js';

/** The Powertools adapters behind the app's Logger and Metrics ports, as they write in Lambda. */
let lines: string[] = [];
beforeEach(() => {
  lines = [];
  // Powertools writes info and metrics to stdout, warnings and errors to stderr.
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      return true;
    });
  }
  vi.stubEnv('_X_AMZN_TRACE_ID', 'Root=1-6760a3f1-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1');
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});
const json = () => lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);

const context = { awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678', functionName: 'contact-counts-api', functionVersion: '$LATEST', invokedFunctionArn: 'arn:aws:lambda:eu-west-2:123456789012:function:contact-counts-api', memoryLimitInMB: '1024' } as Context;

describe('the Powertools logger', () => {
  it('writes the Lambda request id, the X-Ray trace id and the fields given, through the app’s Logger port', () => {
    const tools = createPowertools({ serviceName: 'contact-counts', namespace: 'ContactCountsTest', logLevel: 'info' });
    tools.startInvocation(context);
    tools.logger.child({ requestId: 'api-req-1' }).child({ operationName: 'Submit' }).info('graphql request', { durationMs: 12 });
    tools.logger.debug('not at info level');
    const logged = json().filter((l) => l.message === 'graphql request');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      level: 'INFO',
      service: 'contact-counts',
      function_request_id: context.awsRequestId,
      xray_trace_id: '1-6760a3f1-0123456789abcdef01234567',
      requestId: 'api-req-1',
      operationName: 'Submit',
      durationMs: 12,
    });
    expect(json().some((l) => l.message === 'not at info level')).toBe(false);
  });

  it('is the same port as the local logger', () => {
    const logger = powertoolsLogger(new PowertoolsLogger({ serviceName: 's' }));
    logger.warn('w', { code: 'X' });
    expect(json().find((l) => l.message === 'w')).toMatchObject({ level: 'WARN', code: 'X' });
  });
});

describe('the Powertools metrics', () => {
  it('write each count as embedded metric format in the configured namespace, with its dimensions', () => {
    powertoolsMetrics(new PowertoolsMetrics({ namespace: 'ContactCountsTest', serviceName: 'contact-counts' })).count('Submissions', { caseType: 'FOI', channel: 'PUBLIC' });
    const emf = json().find((l) => 'Submissions' in l)!;
    expect(emf).toMatchObject({ Submissions: 1, caseType: 'FOI', channel: 'PUBLIC', service: 'contact-counts' });
    const directive = (emf._aws as { CloudWatchMetrics: Array<{ Namespace: string; Dimensions: string[][]; Metrics: Array<{ Name: string; Unit: string }> }> }).CloudWatchMetrics[0]!;
    expect(directive.Namespace).toBe('ContactCountsTest');
    expect(directive.Metrics).toEqual([{ Name: 'Submissions', Unit: 'Count' }]);
    expect(directive.Dimensions[0]).toEqual(expect.arrayContaining(['caseType', 'channel']));
  });
});
