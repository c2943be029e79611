import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
  type TransactWriteCommandInput,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';

export type Item = Record<string, unknown>;

const TRANSACTION_ATTEMPTS = 4;
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
    /** Told of each transaction run again after a conflict (the ConflictRetries metric). */
    readonly onConflictRetry: () => void = () => undefined,
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

  /**
   * One PutItem that must not replace an item (or, given the time, one whose TTL has passed): true
   * if it was written, false if an item with its key stands (nothing written). Not a transaction:
   * one write unit per KB.
   */
  async putIfAbsent(item: Item, nowEpochSeconds?: number): Promise<boolean> {
    try {
      // The same condition as a transaction's putNew, in a PutItem of its own.
      await this.doc.send(new PutCommand(this.putNew(item, nowEpochSeconds).Put!));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async update(input: Omit<UpdateCommandInput, 'TableName'>) {
    return this.doc.send(new UpdateCommand({ TableName: this.tableName, ...input }));
  }

  async query(input: Omit<QueryCommandInput, 'TableName'>) {
    return this.doc.send(new QueryCommand({ TableName: this.tableName, ...input }));
  }

  /** Every item a query matches, following LastEvaluatedKey (for bounded sets: one case's entries, one range). */
  async queryAll<T extends Item = Item>(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<T[]> {
    const items: T[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.query({ ...input, ExclusiveStartKey: start });
      items.push(...((out.Items ?? []) as T[]));
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  }

  /**
   * Runs the items as one transaction; a condition that fails cancels all of them and is reported
   * back. A cancellation for a conflict with another transaction on the same items (which DynamoDB
   * itself raises, though DynamoDB Local never does) rejected the whole transaction, so it is safe
   * to run again: that happens here, a few times with a short random wait.
   */
  async transact(items: TransactItem[]): Promise<TransactionOutcome> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.doc.send(new TransactWriteCommand({ TransactItems: items }));
        return { ok: true };
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const reasons = (error.CancellationReasons ?? []).map((r) => (r.Code === 'None' ? undefined : r.Code));
        if (reasons.includes('ConditionalCheckFailed')) return { ok: false, reasons };
        if (!reasons.includes('TransactionConflict') || attempt >= TRANSACTION_ATTEMPTS) throw error;
        this.onConflictRetry();
        await new Promise((r) => setTimeout(r, 10 * attempt + Math.random() * 40));
      }
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

  /** A condition on an item the transaction does not write. */
  conditionCheck(key: Key, condition: string): TransactItem {
    return { ConditionCheck: { TableName: this.tableName, Key: key, ConditionExpression: condition } };
  }

  deleteItem(key: Key): TransactItem {
    return { Delete: { TableName: this.tableName, Key: key } };
  }
}
