import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { TableChange } from './tableChange.js';

/** The part of a stream record we read: the same in a Lambda event and in GetRecords' answer. */
export interface StreamRecordLike {
  eventID?: string;
  eventName?: string;
  dynamodb?: {
    Keys?: Record<string, unknown>;
    NewImage?: Record<string, unknown>;
    OldImage?: Record<string, unknown>;
    SequenceNumber?: string;
  };
}

const image = (raw: Record<string, unknown> | undefined) =>
  raw ? (unmarshall(raw as Record<string, AttributeValue>) as Record<string, unknown>) : undefined;

/** A stream record as a TableChange, or undefined for one that is not an item change of ours. */
export function toTableChange(record: StreamRecordLike): TableChange | undefined {
  const kind = record.eventName;
  if (kind !== 'INSERT' && kind !== 'MODIFY' && kind !== 'REMOVE') return undefined;
  const keys = image(record.dynamodb?.Keys) ?? {};
  if (typeof keys.pk !== 'string' || typeof keys.sk !== 'string') return undefined;
  return {
    id: record.eventID ?? `${keys.pk}|${keys.sk}|${record.dynamodb?.SequenceNumber ?? ''}`,
    kind,
    pk: keys.pk,
    sk: keys.sk,
    newItem: image(record.dynamodb?.NewImage),
    oldItem: image(record.dynamodb?.OldImage),
  };
}
