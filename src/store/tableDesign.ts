/**
 * The one DynamoDB table, as plain data: the CDK stack and the local table setup both read it, so
 * the table on a laptop and the table in AWS cannot drift apart.
 *
 * Single-table design. Every item has pk and sk; items that are listed some other way also carry
 * gsi1pk/gsi1sk or gsi2pk/gsi2sk (sparse indexes: only items that need them have them). Items that
 * the retention schedule covers carry expiresAt (epoch seconds) for TTL. Which kinds of item there
 * are, their key formats and every read of them are in the catalogue (catalogue.ts).
 */
export const tableDesign = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'expiresAt',
  /** The table's change stream, read by src/streamHandler.ts (AWS) and src/local/streamPoller.ts. */
  streamView: 'NEW_AND_OLD_IMAGES',
  indexes: [
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
} as const;

export type IndexName = (typeof tableDesign.indexes)[number]['name'];

/** The attributes that make up an item's position in the table or in an index (for cursors). */
export function keyAttributesOf(index?: IndexName): string[] {
  const base = [tableDesign.partitionKey, tableDesign.sortKey];
  if (!index) return base;
  const i = tableDesign.indexes.find((x) => x.name === index)!;
  return [i.partitionKey, i.sortKey, ...base];
}
