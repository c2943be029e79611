import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { startStreamPoller, type StreamPoller } from '../../src/local/streamPoller.js';
import { createMemoryLogger } from '../../src/logging/logger.js';
import { createDocumentClient } from '../../src/store/client.js';
import { ensureTable } from '../../src/store/ensureTable.js';
import type { ChangeConsumer, TableChange } from '../../src/streams/tableChange.js';

/**
 * The local stream poller reads DynamoDB Local's real stream with the real DynamoDB Streams API and
 * gives the consumers what the Lambda stream function would: every change once, in order, with old
 * and new images; a failing batch again (then skipped after its attempts, as Lambda would send it to
 * the on-failure queue).
 */
const endpoint = inject('dynamoEndpoint');
const tableName = `stream-${randomUUID()}`;
const doc = createDocumentClient({ endpoint });
const pollers: StreamPoller[] = [];

beforeAll(async () => {
  const raw = new DynamoDBClient({ endpoint, region: 'eu-west-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await ensureTable(raw, tableName);
  raw.destroy();
});

afterAll(async () => {
  await Promise.all(pollers.map((p) => p.stop()));
});

function poller(consumers: ChangeConsumer[], logger = createMemoryLogger()) {
  const p = startStreamPoller({ endpoint, tableName, consumers, logger, maxAttempts: 3 });
  pollers.push(p);
  return p;
}

const seen = (prefix: string) => {
  const changes: TableChange[] = [];
  const consumer: ChangeConsumer = {
    name: 'recorder',
    wants: (c) => c.pk.startsWith(prefix),
    handle: async (batch) => {
      changes.push(...batch);
    },
  };
  return { consumer, changes };
};

describe('the table stream, read locally', () => {
  it('gives each change once, in order, with its old and new images', async () => {
    const prefix = `T1#${randomUUID()}`;
    const { consumer, changes } = seen(prefix);
    const p = poller([consumer]);
    await doc.send(new PutCommand({ TableName: tableName, Item: { pk: prefix, sk: 'A', n: 1 } }));
    await doc.send(new UpdateCommand({ TableName: tableName, Key: { pk: prefix, sk: 'A' }, UpdateExpression: 'SET n = :n', ExpressionAttributeValues: { ':n': 2 } }));
    await p.drain();
    expect(changes.map((c) => [c.kind, c.oldItem?.n, c.newItem?.n])).toEqual([
      ['INSERT', undefined, 1],
      ['MODIFY', 1, 2],
    ]);
    await p.drain();
    expect(changes).toHaveLength(2);
    await doc.send(new PutCommand({ TableName: tableName, Item: { pk: prefix, sk: 'B', n: 3 } }));
    await p.drain();
    expect(changes.map((c) => c.sk)).toEqual(['A', 'A', 'B']);
  });

  it('runs the changes a consumer writes in turn, until the stream settles', async () => {
    const prefix = `T2#${randomUUID()}`;
    const { consumer: follower, changes } = seen(`${prefix}#echo`);
    const echo: ChangeConsumer = {
      name: 'echo',
      wants: (c) => c.pk === prefix,
      handle: async (batch) => {
        for (const c of batch) await doc.send(new PutCommand({ TableName: tableName, Item: { pk: `${prefix}#echo`, sk: c.sk } }));
      },
    };
    const p = poller([echo, follower]);
    await doc.send(new PutCommand({ TableName: tableName, Item: { pk: prefix, sk: 'X' } }));
    await p.drain();
    expect(changes.map((c) => c.sk)).toEqual(['X']);
  });

  it('retries a failing batch, then skips it after its attempts and goes on', async () => {
    const prefix = `T3#${randomUUID()}`;
    let attempts = 0;
    const flaky: ChangeConsumer = {
      name: 'flaky',
      wants: (c) => c.pk === prefix && c.sk === 'bad',
      handle: async () => {
        attempts += 1;
        throw new Error('unavailable');
      },
    };
    const { consumer, changes } = seen(prefix);
    const logger = createMemoryLogger();
    const p = poller([flaky, consumer], logger);
    await doc.send(new PutCommand({ TableName: tableName, Item: { pk: prefix, sk: 'bad' } }));
    await p.drain();
    expect(attempts).toBe(3);
    expect(logger.lines.join('\n')).toContain('stream batch skipped after retries');
    await doc.send(new PutCommand({ TableName: tableName, Item: { pk: prefix, sk: 'good' } }));
    await p.drain();
    expect(changes.map((c) => c.sk)).toEqual(['bad', 'bad', 'bad', 'good']);
  });
});
