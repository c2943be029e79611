import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../store/db.js';
import { keys } from '../store/keys.js';
import type { ChangeConsumer } from '../streams/tableChange.js';
import { disclosureWordQueue } from './queues.js';

/**
 * How many published responses each disclosure search word indexes, so that a search can start
 * from its rarest word (disclosureLogService.ts). Kept from the table's stream: when a word's
 * entries change, the word's entries are counted again (a COUNT Query of its partition) and the
 * count is set, never added to, so a redelivered change is harmless. Publishing is a staff action,
 * a few times a week: these recounts are off every request path.
 */
export function disclosureWordCountConsumer(db: Db): ChangeConsumer {
  const prefix = keys.queuePartition(disclosureWordQueue(''));
  return {
    name: 'disclosure-word-counts',
    wants: (change) => change.pk.startsWith(prefix) && change.kind !== 'MODIFY',
    handle: async (changes) => {
      for (const word of new Set(changes.map((c) => c.pk.slice(prefix.length)))) {
        let count = 0;
        let start: Record<string, unknown> | undefined;
        do {
          const out = await db.doc.send(
            new QueryCommand({
              TableName: db.tableName,
              KeyConditionExpression: 'pk = :pk',
              ExpressionAttributeValues: { ':pk': prefix + word },
              Select: 'COUNT',
              ExclusiveStartKey: start,
            }),
          );
          count += out.Count ?? 0;
          start = out.LastEvaluatedKey;
        } while (start);
        await db.doc.send(
          new UpdateCommand({
            TableName: db.tableName,
            Key: keys.disclosureWordCount(word),
            UpdateExpression: 'SET #count = :count',
            ExpressionAttributeNames: { '#count': 'count' },
            ExpressionAttributeValues: { ':count': count },
          }),
        );
      }
    },
  };
}
