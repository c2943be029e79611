import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/logging/logger.js';
import { ChangeBatchFailed, dispatchChanges } from '../../src/streams/dispatch.js';
import { createStreamBatchHandler } from '../../src/streams/lambdaBatch.js';
import { toTableChange } from '../../src/streams/streamRecords.js';
import type { ChangeConsumer, TableChange } from '../../src/streams/tableChange.js';

const record = (seq: string, eventName: string, pk: string, extra: Record<string, unknown> = {}) => ({
  eventID: `ev-${seq}`,
  eventName,
  dynamodb: {
    SequenceNumber: seq,
    Keys: { pk: { S: pk }, sk: { S: 'CASE' } },
    NewImage: { pk: { S: pk }, sk: { S: 'CASE' }, count: { N: '3' }, ...extra },
  },
});

const event = (...records: ReturnType<typeof record>[]) => ({ Records: records }) as unknown as DynamoDBStreamEvent;

function recorder(name: string, wants: (c: TableChange) => boolean, fail = false): ChangeConsumer & { seen: string[] } {
  const seen: string[] = [];
  return {
    name,
    seen,
    wants,
    async handle(changes) {
      seen.push(...changes.map((c) => c.id));
      if (fail) throw new Error('boom');
    },
  };
}

describe('stream records become TableChanges', () => {
  it('unmarshalls keys and images into plain values', () => {
    expect(toTableChange(record('1', 'MODIFY', 'FOI#1'))).toEqual({
      id: 'ev-1',
      kind: 'MODIFY',
      pk: 'FOI#1',
      sk: 'CASE',
      newItem: { pk: 'FOI#1', sk: 'CASE', count: 3 },
      oldItem: undefined,
    });
  });

  it('ignores records that are not item changes of this table', () => {
    expect(toTableChange({ eventName: 'AGGREGATE', dynamodb: {} })).toBeUndefined();
    expect(toTableChange({ eventName: 'INSERT', dynamodb: { Keys: { id: { S: 'x' } } } })).toBeUndefined();
  });
});

describe('dispatching a batch', () => {
  it('gives each consumer only the changes it wants, in stream order', async () => {
    const foi = recorder('foi', (c) => c.pk.startsWith('FOI#'));
    const all = recorder('all', () => true);
    const changes = [record('1', 'INSERT', 'FOI#1'), record('2', 'INSERT', 'SAR#1'), record('3', 'MODIFY', 'FOI#2')].map((r) => toTableChange(r)!);
    await dispatchChanges(changes, [foi, all], createMemoryLogger());
    expect(foi.seen).toEqual(['ev-1', 'ev-3']);
    expect(all.seen).toEqual(['ev-1', 'ev-2', 'ev-3']);
  });

  it('runs every consumer even when one fails, then fails the batch naming the first failure', async () => {
    const failing = recorder('failing', () => true, true);
    const after = recorder('after', () => true);
    const logger = createMemoryLogger();
    const changes = [toTableChange(record('1', 'INSERT', 'FOI#1'))!];
    const error = await dispatchChanges(changes, [failing, after], logger).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChangeBatchFailed);
    expect((error as ChangeBatchFailed).consumer).toBe('failing');
    expect(after.seen).toEqual(['ev-1']);
    expect(logger.lines.join('\n')).toContain('"consumer":"failing"');
  });
});

describe('the Lambda stream function', () => {
  it('reports nothing failed when every consumer succeeds', async () => {
    const handle = createStreamBatchHandler([recorder('ok', () => true)], createMemoryLogger());
    expect(await handle(event(record('10', 'INSERT', 'FOI#1')))).toEqual({ batchItemFailures: [] });
  });

  it('reports the batch failed from its first record, so Lambda retries all of it', async () => {
    const handle = createStreamBatchHandler([recorder('bad', (c) => c.pk === 'FOI#2', true)], createMemoryLogger());
    const answer = await handle(event(record('10', 'INSERT', 'FOI#1'), record('11', 'INSERT', 'FOI#2')));
    expect(answer).toEqual({ batchItemFailures: [{ itemIdentifier: '10' }] });
  });
});
