/**
 * npm run bench: speed and memory figures for the API, through the real Lambda handler against
 * DynamoDB Local (in memory, started and stopped here). It prints figures and how they compare
 * with the targets; it never fails a build (timings on a shared machine are not test material).
 *
 * DynamoDB Local is a Java emulator and much slower than DynamoDB, so latencies here are an upper
 * bound for the code path; the call counts (DynamoDB requests per operation) are exact and are what
 * the "no scans, same few reads however many ratings" rule is about.
 */
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import { generateLocalSigningKey, localTokenVerifier, signLocalToken } from '../../src/auth/tokens.js';
import { loadConfig } from '../../src/config.js';
import { apiGatewayEvent } from '../../src/local/apiGatewayEvent.js';
import { startDynamoDbLocal } from '../../src/local/dynamoDbLocal.js';
import { createLogger } from '../../src/logging/logger.js';
import { createLambdaHandler } from '../../src/server.js';
import { createDocumentClient } from '../../src/store/client.js';
import { ensureTable } from '../../src/store/ensureTable.js';

const PAGE = 'https://www.west-midlands.police.uk/contact-us';
const QUIET = 'https://www.west-midlands.police.uk/quiet-page';
const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 600);

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const rows: Array<[string, string, string, string]> = [];
const report = (what: string, figure: string, target: string, met: boolean) => rows.push([what, figure, target, met ? 'met' : 'MISSED']);

async function main() {
  const dynamo = await startDynamoDbLocal();
  try {
    const tableName = 'bench';
    const raw = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'eu-west-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    await ensureTable(raw, tableName);
    raw.destroy();

    const calls = new Map<string, number>();
    const doc = createDocumentClient({ endpoint: dynamo.endpoint });
    doc.middlewareStack.add(
      (next, context) => async (args) => {
        calls.set(context.commandName!, (calls.get(context.commandName!) ?? 0) + 1);
        return next(args);
      },
      { step: 'initialize', name: 'countCalls' },
    );
    const key = generateLocalSigningKey();
    let now = new Date('2026-11-21T12:00:00Z');
    const started = performance.now();
    const handler = createLambdaHandler({
      config: loadConfig({ SUBMIT_RATE_LIMIT: '100000', TRACK_RATE_LIMIT: '100000' }),
      doc,
      tableName,
      secret: Buffer.alloc(32, 9),
      tokenVerifier: localTokenVerifier(key),
      logger: createLogger({ level: 'warn' }),
      now: () => now,
    });
    const token = signLocalToken(key, { name: 'bench', groups: ['web-content'] });
    const call = async (query: string, variables: Record<string, unknown>, options: { token?: string; ip?: string } = {}) => {
      const event = apiGatewayEvent({
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json', ...(options.token && { authorization: `Bearer ${options.token}` }) },
        body: JSON.stringify({ query, variables }),
        sourceIp: options.ip ?? '192.0.2.1',
      });
      const t = performance.now();
      const result = await handler(event, { awsRequestId: randomUUID() } as Context);
      const elapsed = performance.now() - t;
      const body = JSON.parse(result.body ?? '{}');
      if (body.errors) throw new Error(`benchmark request failed: ${JSON.stringify(body.errors)}`);
      return { elapsed, body };
    };
    const measured = async (fn: () => Promise<unknown>) => {
      calls.clear();
      await fn();
      return [...calls.values()].reduce((a, b) => a + b, 0);
    };

    await call('{ ping }', {});
    const coldStart = performance.now() - started;
    report('server built + first request (modules already loaded)', ms(coldStart), '≤ 1500 ms', coldStart <= 1500);

    const SUBMIT = 'mutation($input: SubmitPageRatingInput!) { submitPageRating(input: $input) { receipt { reference trackingCode } userErrors { code } } }';
    const submitTimes: number[] = [];
    const receipts: Array<{ reference: string; trackingCode: string }> = [];
    for (let i = 0; i < SUBMISSIONS; i++) {
      now = new Date(Date.parse('2026-11-21T12:00:00Z') - (i % 90) * 86_400_000);
      const { elapsed, body } = await call(
        SUBMIT,
        { input: { idempotencyKey: randomUUID(), pageUrl: PAGE, rating: (i % 3) + 1, comment: i % 2 ? `comment ${i}, call 07700 900${String(i).padStart(3, '0')}` : null } },
        { ip: `10.0.${Math.floor(i / 250)}.${i % 250}` },
      );
      submitTimes.push(elapsed);
      receipts.push(body.data.submitPageRating.receipt);
    }
    for (let i = 0; i < 10; i++) {
      await call(SUBMIT, { input: { idempotencyKey: randomUUID(), pageUrl: QUIET, rating: 2 } }, { ip: `10.1.0.${i}` });
    }
    now = new Date('2026-11-21T12:00:00Z');
    report(`submitPageRating p50 (${SUBMISSIONS} ratings)`, ms(percentile(submitTimes, 50)), '≤ 100 ms', percentile(submitTimes, 50) <= 100);
    report('submitPageRating p95', ms(percentile(submitTimes, 95)), '≤ 250 ms', percentile(submitTimes, 95) <= 250);
    const submitCalls = await measured(() =>
      call(SUBMIT, { input: { idempotencyKey: randomUUID(), pageUrl: PAGE, rating: 3 } }, { ip: '10.2.0.1' }),
    );
    report('DynamoDB requests per submission', String(submitCalls), '≤ 7, none a Scan', submitCalls <= 7 && !calls.has('ScanCommand'));

    const TRACK = 'query($r: String!, $c: String!) { trackCase(reference: $r, trackingCode: $c) { status } }';
    const trackTimes: number[] = [];
    for (let i = 0; i < 200; i++) {
      const r = receipts[i]!;
      trackTimes.push((await call(TRACK, { r: r.reference, c: r.trackingCode }, { ip: `10.3.0.${i % 250}` })).elapsed);
    }
    report('trackCase p95', ms(percentile(trackTimes, 95)), '≤ 50 ms', percentile(trackTimes, 95) <= 50);

    const SUMMARY = 'query($p: String!) { pageRatingSummary(input: { pageUrl: $p, period: LAST_90_DAYS }) { total average } }';
    const summaryTimes: number[] = [];
    for (let i = 0; i < 100; i++) summaryTimes.push((await call(SUMMARY, { p: PAGE }, { token })).elapsed);
    report(`pageRatingSummary p95 (90 days, ${SUBMISSIONS + 1} ratings)`, ms(percentile(summaryTimes, 95)), '≤ 50 ms', percentile(summaryTimes, 95) <= 50);
    const busyCalls = await measured(() => call(SUMMARY, { p: PAGE }, { token }));
    const quietCalls = await measured(() => call(SUMMARY, { p: QUIET }, { token }));
    report(
      'DynamoDB requests per summary: busy page vs quiet page',
      `${busyCalls} vs ${quietCalls}`,
      'equal, 1 Query',
      busyCalls === quietCalls && busyCalls === 1 && !calls.has('ScanCommand'),
    );

    const COMMENTS = 'query($p: String!) { pageComments(pageUrl: $p, first: 20) { edges { node { reference } } } }';
    const commentTimes: number[] = [];
    for (let i = 0; i < 100; i++) commentTimes.push((await call(COMMENTS, { p: PAGE }, { token })).elapsed);
    report('pageComments first 20, p95', ms(percentile(commentTimes, 95)), '≤ 50 ms', percentile(commentTimes, 95) <= 50);

    const WORST = '{ worstRatedPages(input: { minimumRatings: 1 }) { edges { node { pageUrl average } } } }';
    const worstCalls = await measured(() => call(WORST, {}, { token }));
    report('DynamoDB requests for worstRatedPages', String(worstCalls), '1 Query', worstCalls === 1);

    const COMPLAINT = `mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { receipt { reference } userErrors { code } } }`;
    const complaintTimes: number[] = [];
    for (let i = 0; i < 200; i++) {
      const { elapsed } = await call(
        COMPLAINT,
        {
          input: {
            idempotencyKey: randomUUID(),
            complainant: { name: `Person ${i}`, email: `p${i}@example.com`, preferredContact: 'EMAIL' },
            incident: { date: '2026-11-01', place: 'Birmingham', description: `Account ${i}` },
            complaintTypes: ['RUDENESS'],
            desiredOutcome: 'An apology',
            wantsFormalRecording: false,
          },
        },
        { ip: `10.4.${Math.floor(i / 250)}.${i % 250}` },
      );
      complaintTimes.push(elapsed);
    }
    report('submitComplaint p95 (with queue entries and statistics)', ms(percentile(complaintTimes, 95)), '≤ 250 ms', percentile(complaintTimes, 95) <= 250);
    const psToken = signLocalToken(key, { name: 'bench.pro', groups: ['professional-standards'] });
    const QUEUE = '{ complaintQueue(input: { queue: UNALLOCATED }, first: 50) { edges { node { reference } } } }';
    const queueCalls = await measured(() => call(QUEUE, {}, { token: psToken }));
    report('DynamoDB requests for a complaint queue page (200 complaints)', String(queueCalls), '1 Query', queueCalls === 1);
    const STATS = '{ complaintStatistics(input: { from: "2026-01-01", to: "2026-12-31" }) { received } }';
    const statsCalls = await measured(() => call(STATS, {}, { token: psToken }));
    report('DynamoDB requests for a year of complaint statistics', String(statsCalls), '1 Query', statsCalls === 1);

    const irToken = signLocalToken(key, { name: 'bench.ir', groups: ['information-rights'] });
    const FOI = `mutation($input: SubmitFoiRequestInput!) { submitFoiRequest(input: $input) { receipt { reference } } }`;
    const RESPOND = `mutation($input: RespondToFoiRequestInput!) { respondToFoiRequest(input: $input) { userErrors { code } } }`;
    const PUBLISH = `mutation($input: PublishToDisclosureLogInput!) { publishToDisclosureLog(input: $input) { userErrors { code } } }`;
    const topics = ['speed cameras', 'Taser use', 'overtime costs', 'stop and search', 'custody deaths', 'drones', 'body worn video', 'response times'];
    for (let i = 0; i < 80; i++) {
      const topic = topics[i % topics.length]!;
      const { body } = await call(
        FOI,
        { input: { idempotencyKey: randomUUID(), requester: { name: `Asker ${i}`, email: `a${i}@example.com` }, description: `Figures on ${topic} in Birmingham, ${2015 + (i % 10)}`, format: 'ELECTRONIC_COPY' } },
        { ip: `10.5.0.${i}` },
      );
      const reference = body.data.submitFoiRequest.receipt.reference;
      await call(RESPOND, { input: { reference, expectedVersion: 1, outcome: 'PROVIDED_IN_FULL', summary: 'See attached' } }, { token: irToken });
      await call(PUBLISH, { input: { reference, expectedVersion: 2, title: `${topic} ${2015 + (i % 10)}`, question: `Figures on ${topic} in Birmingham`, answer: 'See attached' } }, { token: irToken });
    }
    const SEARCH = '{ disclosureLog(search: { text: "speed cameras birmingham" }) { edges { node { reference } } } }';
    const searchTimes: number[] = [];
    for (let i = 0; i < 50; i++) searchTimes.push((await call(SEARCH, {})).elapsed);
    report('disclosureLog three-word search p95 (80 published)', ms(percentile(searchTimes, 95)), '≤ 50 ms', percentile(searchTimes, 95) <= 50);
    const searchCalls = await measured(() => call(SEARCH, {}));
    report('DynamoDB requests for a disclosure log search page', String(searchCalls), '≤ 2 (a Query and a BatchGet)', searchCalls <= 2);

    global.gc?.();
    const memory = process.memoryUsage();
    report('memory after the run: RSS', mb(memory.rss), '≤ 300 MB (Lambda has 1024 MB)', memory.rss <= 300 * 1024 * 1024);
    report('memory after the run: heap used', mb(memory.heapUsed), '≤ 150 MB', memory.heapUsed <= 150 * 1024 * 1024);

    const width = rows.reduce((w, r) => Math.max(w, r[0].length), 0);
    console.log(`\nContact Counts benchmark (Node ${process.version}, DynamoDB Local in memory)\n`);
    for (const [what, figure, target, met] of rows) console.log(`${what.padEnd(width)}  ${figure.padStart(14)}  target ${target.padEnd(32)} ${met}`);
  } finally {
    await dynamo.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
