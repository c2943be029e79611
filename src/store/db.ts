import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
  type TransactWriteCommandInput,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';

export type Item = Record<string, unknown>;
export type Key = { pk: string; sk: string };
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface Condition {
  expression: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
}

/** Why each item of a cancelled transaction failed, in the order the items were given. */
export type TransactionOutcome = { ok: true } | { ok: false; reasons: Array<string | undefined> };

/**
 * A thin layer over the document client for the one table: reads are strongly consistent where
 * they decide a write, and writes that must happen together go in one transaction.
 */
export class Db {
  constructor(
    readonly doc: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

  async get<T extends Item>(key: Key): Promise<T | undefined> {
    const out = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
    return out.Item as T | undefined;
  }

  async getMany<T extends Item>(keysToRead: Key[]): Promise<T[]> {
    if (keysToRead.length === 0) return [];
    const out = await this.doc.send(
      new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: keysToRead, ConsistentRead: true } } }),
    );
    const unprocessed = out.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
    const rest = unprocessed.length ? await this.getMany<T>(unprocessed as Key[]) : [];
    return [...((out.Responses?.[this.tableName] ?? []) as T[]), ...rest];
  }

  async update(input: Omit<UpdateCommandInput, 'TableName'>) {
    return this.doc.send(new UpdateCommand({ TableName: this.tableName, ...input }));
  }

  async query(input: Omit<QueryCommandInput, 'TableName'>) {
    return this.doc.send(new QueryCommand({ TableName: this.tableName, ...input }));
  }

  /** Runs the items as one transaction; a condition that fails cancels all of them. */
  async transact(items: TransactItem[]): Promise<TransactionOutcome> {
    try {
      await this.doc.send(new TransactWriteCommand({ TransactItems: items }));
      return { ok: true };
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        const reasons = (error.CancellationReasons ?? []).map((r) => (r.Code === 'None' ? undefined : r.Code));
        if (reasons.some((r) => r === 'ConditionalCheckFailed')) return { ok: false, reasons };
      }
      throw error;
    }
  }

  put(item: Item, condition?: Condition): TransactItem {
    return {
      Put: {
        TableName: this.tableName,
        Item: item,
        ...(condition && {
          ConditionExpression: condition.expression,
          ExpressionAttributeNames: condition.names,
          ExpressionAttributeValues: condition.values,
        }),
      },
    };
  }

  /** A put that must not replace an item (or replaces one only once its TTL has passed). */
  putNew(item: Item, nowEpochSeconds?: number): TransactItem {
    return nowEpochSeconds === undefined
      ? this.put(item, { expression: 'attribute_not_exists(pk)' })
      : this.put(item, {
          expression: 'attribute_not_exists(pk) OR expiresAt < :now',
          values: { ':now': nowEpochSeconds },
        });
  }

  updateItem(
    key: Key,
    expression: string,
    names?: Record<string, string>,
    values?: Record<string, unknown>,
    condition?: string,
  ): TransactItem {
    return {
      Update: {
        TableName: this.tableName,
        Key: key,
        UpdateExpression: expression,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ...(condition && { ConditionExpression: condition }),
      },
    };
  }

  deleteItem(key: Key): TransactItem {
    return { Delete: { TableName: this.tableName, Key: key } };
  }
}
