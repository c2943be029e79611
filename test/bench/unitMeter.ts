/**
 * Counts the DynamoDB capacity units of every call a document client makes, from item sizes by
 * DynamoDB's published rules (src/store/writeUnits.ts), for the bench's write-cost rows:
 *
 * - a write costs one unit per KB (rounded up) of the larger of the item before and after, two
 *   inside TransactWriteItems; a write refused by its condition still costs the item's size;
 * - each global secondary index (projection ALL, so an index entry is the size of the item) costs
 *   a write when an item enters it, leaves it (a delete), or changes in it; two (delete and put)
 *   when its index key changes; none when the item's attributes are unchanged. Counted at the
 *   standard rate, also for transactions;
 * - a read costs one unit per 4 KB (rounded up) of the items returned, half for an eventually
 *   consistent read (Query sums the items' sizes first).
 *
 * To know the item before and after a write it reads the item (ConsistentRead) with a separate,
 * unmetered client. Wire-format bodies (a 'build' step middleware) so sizes are what DynamoDB sees.
 */
import { GetItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tableDesign } from '../../src/store/tableDesign.js';
import { itemSize, writeUnits, type WireValue } from '../../src/store/writeUnits.js';

type Wire = Record<string, WireValue>;
type Key = Record<string, AttributeValue>;

export interface UnitTotals {
  writeUnits: number;
  indexWriteUnits: number;
  readUnits: number;
  writes: number;
  reads: number;
  /** Write units (table and indexes) by the kind of item written: its sort key up to the first '#'. */
  writeUnitsBySortKey: Record<string, number>;
}

const empty = (): UnitTotals => ({ writeUnits: 0, indexWriteUnits: 0, readUnits: 0, writes: 0, reads: 0, writeUnitsBySortKey: {} });

export function meterUnits(doc: DynamoDBDocumentClient, raw: DynamoDBClient, tableName: string, name = 'benchUnitMeter') {
  let totals = empty();
  const keyOf = (item: Wire): Key => ({ pk: item.pk as AttributeValue, sk: item.sk as AttributeValue });
  const read = async (key: Key): Promise<Wire | undefined> =>
    (await raw.send(new GetItemCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item as Wire | undefined;
  const sizeOf = (item: Wire | undefined) => (item ? itemSize(item) : 0);

  function indexUnits(before: Wire | undefined, after: Wire | undefined): number {
    let units = 0;
    for (const index of tableDesign.indexes) {
      const keyIn = (item: Wire | undefined) => (item?.[index.partitionKey] && item[index.sortKey] ? JSON.stringify([item[index.partitionKey], item[index.sortKey]]) : undefined);
      const was = keyIn(before);
      const is = keyIn(after);
      if (!was && !is) continue;
      if (was && !is) units += writeUnits(sizeOf(before), false);
      else if (!was && is) units += writeUnits(sizeOf(after), false);
      else if (was !== is) units += writeUnits(sizeOf(before), false) + writeUnits(sizeOf(after), false);
      else if (JSON.stringify(before) !== JSON.stringify(after)) units += writeUnits(sizeOf(after), false);
    }
    return units;
  }

  /** One item written: its keys, what the request gives of it (a Put's item), whether transactional. */
  type Written = { key: Key; put?: Wire; remove?: boolean; transactional: boolean };

  function writtenBy(command: string, body: Record<string, unknown>): Written[] {
    if (command === 'PutItemCommand') return [{ key: keyOf(body.Item as Wire), put: body.Item as Wire, transactional: false }];
    if (command === 'UpdateItemCommand') return [{ key: body.Key as Key, transactional: false }];
    if (command === 'DeleteItemCommand') return [{ key: body.Key as Key, remove: true, transactional: false }];
    if (command === 'TransactWriteItemsCommand') {
      return (body.TransactItems as Array<Record<string, { Item?: Wire; Key?: Key }>>).flatMap((entry) => {
        const [kind, spec] = Object.entries(entry)[0]!;
        if (kind === 'ConditionCheck') return [];
        return [{ key: spec.Item ? keyOf(spec.Item) : spec.Key!, put: spec.Item, remove: kind === 'Delete', transactional: true }];
      });
    }
    if (command === 'BatchWriteItemCommand') {
      return Object.values(body.RequestItems as Record<string, Array<{ PutRequest?: { Item: Wire }; DeleteRequest?: { Key: Key } }>>)
        .flat()
        .map((r) => (r.PutRequest ? { key: keyOf(r.PutRequest.Item), put: r.PutRequest.Item, transactional: false } : { key: r.DeleteRequest!.Key, remove: true, transactional: false }));
    }
    return [];
  }

  function readUnitsOf(command: string, body: Record<string, unknown>, output: Record<string, unknown>): number {
    const consistent = body.ConsistentRead === true;
    const units = (bytes: number) => Math.max(1, Math.ceil(bytes / 4096)) * (consistent ? 1 : 0.5);
    if (command === 'GetItemCommand') return units(sizeOf(output.Item as Wire | undefined));
    if (command === 'QueryCommand' || command === 'ScanCommand') return units(((output.Items ?? []) as Wire[]).reduce((n, i) => n + itemSize(i), 0));
    if (command === 'BatchGetItemCommand') {
      const batchConsistent = Object.values((body.RequestItems ?? {}) as Record<string, { ConsistentRead?: boolean }>).some((r) => r.ConsistentRead);
      return Object.values((output.Responses ?? {}) as Record<string, Wire[]>)
        .flat()
        .reduce((n, i) => n + Math.max(1, Math.ceil(itemSize(i) / 4096)) * (batchConsistent ? 1 : 0.5), 0);
    }
    return 0;
  }

  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? '';
      const request = (args as { request?: { body?: string | Uint8Array } }).request;
      const text = request?.body === undefined ? '{}' : typeof request.body === 'string' ? request.body : Buffer.from(request.body).toString('utf8');
      const body = JSON.parse(text) as Record<string, unknown>;
      const written = writtenBy(command, body);
      const before = await Promise.all(written.map((w) => read(w.key)));
      let refused = false;
      try {
        const out = await next(args);
        const readUnits = readUnitsOf(command, body, out.output as Record<string, unknown>);
        totals.readUnits += readUnits;
        if (readUnits > 0) totals.reads++;
        return out;
      } catch (error) {
        refused = true;
        throw error;
      } finally {
        if (written.length > 0) {
          const after = refused ? before : await Promise.all(written.map((w, i) => (w.remove ? undefined : (w.put ?? read(w.key).then((x) => x ?? before[i])))));
          written.forEach((w, i) => {
            const table = writeUnits(Math.max(sizeOf(before[i]), sizeOf(after[i])), w.transactional);
            const index = refused ? 0 : indexUnits(before[i], after[i]);
            totals.writeUnits += table;
            totals.indexWriteUnits += index;
            totals.writes++;
            const kind = String(w.key.sk?.S ?? '').split('#')[0]!;
            totals.writeUnitsBySortKey[kind] = (totals.writeUnitsBySortKey[kind] ?? 0) + table + index;
          });
        }
      }
    },
    { step: 'build', name },
  );
  return {
    totals: () => ({ ...totals, writeUnitsBySortKey: { ...totals.writeUnitsBySortKey } }),
    reset: () => {
      totals = empty();
    },
    stop: () => doc.middlewareStack.remove(name),
  };
}
