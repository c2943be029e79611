import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { Logger } from '../logging/logger.js';
import { dispatchChanges } from '../streams/dispatch.js';
import { toTableChange } from '../streams/streamRecords.js';
import type { ChangeConsumer, TableChange } from '../streams/tableChange.js';

/**
 * The table's stream, read locally: DynamoDB Local keeps a real stream, and this reads it with the
 * real DynamoDB Streams API and runs the same consumers as the Lambda stream function. `npm start`
 * polls it every few hundred milliseconds; tests call drain() after their writes.
 *
 * As in Lambda, a failing batch is retried (up to `maxAttempts` times, then logged and skipped, as
 * Lambda sends it to the on-failure queue); consumers are idempotent, so a retry is safe.
 */
export interface StreamPoller {
  /** Reads and handles changes until the stream has nothing more (consumers' own writes included). */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

export interface StreamPollerOptions {
  endpoint: string;
  tableName: string;
  consumers: ChangeConsumer[];
  logger: Logger;
  /** Poll in the background every this many milliseconds; omit to poll only on drain(). */
  intervalMs?: number;
  maxAttempts?: number;
}

const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

interface ShardState {
  after?: string;
  closed: boolean;
  done: boolean;
}

export function startStreamPoller(options: StreamPollerOptions): StreamPoller {
  const client = { endpoint: options.endpoint, region: 'eu-west-2', credentials: localCredentials };
  const dynamo = new DynamoDBClient(client);
  const streams = new DynamoDBStreamsClient(client);
  const shards = new Map<string, ShardState>();
  const maxAttempts = options.maxAttempts ?? 3;
  let streamArn: string | undefined;
  let running: Promise<number> = Promise.resolve(0);
  let stopped = false;
  let failures = 0;

  async function arn(): Promise<string> {
    if (streamArn) return streamArn;
    const table = await dynamo.send(new DescribeTableCommand({ TableName: options.tableName }));
    const latest = table.Table?.LatestStreamArn;
    if (!latest) throw new Error(`table ${options.tableName} has no stream`);
    streamArn = latest;
    return latest;
  }

  async function listShards(): Promise<Shard[]> {
    const all: Shard[] = [];
    let start: string | undefined;
    do {
      const answer = await streams.send(new DescribeStreamCommand({ StreamArn: await arn(), ExclusiveStartShardId: start }));
      all.push(...(answer.StreamDescription?.Shards ?? []));
      start = answer.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    return all;
  }

  /** Reads one shard to its current end, handling each page of records; returns how many it handled. */
  async function readShard(shard: Shard, state: ShardState): Promise<number> {
    let handled = 0;
    let iterator = (
      await streams.send(
        new GetShardIteratorCommand({
          StreamArn: await arn(),
          ShardId: shard.ShardId,
          ...(state.after
            ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: state.after }
            : { ShardIteratorType: 'TRIM_HORIZON' }),
        }),
      )
    ).ShardIterator;
    while (iterator) {
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      const records = page.Records ?? [];
      if (records.length > 0) {
        const changes = records.map((r) => toTableChange(r)).filter((c): c is TableChange => c !== undefined);
        try {
          await dispatchChanges(changes, options.consumers, options.logger);
          failures = 0;
        } catch (error) {
          failures += 1;
          if (failures < maxAttempts) throw error;
          failures = 0;
          options.logger.error('stream batch skipped after retries', { shard: shard.ShardId ?? null, records: records.length });
        }
        state.after = records[records.length - 1]!.dynamodb?.SequenceNumber ?? state.after;
        handled += records.length;
      }
      if (!page.NextShardIterator) {
        state.done = state.closed;
        break;
      }
      if (records.length === 0) break;
      iterator = page.NextShardIterator;
    }
    return handled;
  }

  async function pass(): Promise<number> {
    let handled = 0;
    for (const shard of await listShards()) {
      const id = shard.ShardId!;
      let state = shards.get(id);
      if (!state) {
        state = { closed: false, done: false };
        shards.set(id, state);
      }
      if (state.done) continue;
      // A child shard is read only once its parent has been read to its end, to keep order.
      const parent = shard.ParentShardId ? shards.get(shard.ParentShardId) : undefined;
      if (parent && !parent.done) continue;
      state.closed = Boolean(shard.SequenceNumberRange?.EndingSequenceNumber);
      try {
        handled += await readShard(shard, state);
      } catch (error) {
        if (error instanceof ExpiredIteratorException) continue;
        throw error;
      }
    }
    return handled;
  }

  /** One pass at a time: background polls and drain() queue behind each other. */
  const once = () => {
    running = running.catch(() => 0).then(() => pass());
    return running;
  };

  const timer = options.intervalMs
    ? setInterval(() => {
        if (stopped) return;
        once().catch((error: unknown) =>
          options.logger.warn('stream poll failed', { errorName: error instanceof Error ? error.name : 'unknown' }),
        );
      }, options.intervalMs)
    : undefined;

  return {
    async drain() {
      for (let round = 0; round < 50; round++) {
        // A failing batch is retried by the next pass, and skipped after maxAttempts.
        if ((await once().catch(() => -1)) === 0) return;
      }
      throw new Error('the stream did not settle after 50 passes');
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running.catch(() => 0);
      dynamo.destroy();
      streams.destroy();
    },
  };
}
