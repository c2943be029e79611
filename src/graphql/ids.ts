import type {
  ComplaintQueueItem,
  DataProtectionComplaint,
  DataProtectionComplaintQueueItem,
  DisclosureEntry,
  FoiQueueItem,
  RatedPage,
  ResearchContact,
  Resolvers,
  SubjectAccessQueueItem,
  SubmissionReceipt,
  TrackedCase,
} from '../generated/graphql.js';
import type { GraphQLContext } from './context.js';

/**
 * Ids for client caches. Every object type with an `id` field gets it here, from its reference:
 *
 * - staff records and rows (STAFF_ID_TYPES) get a global id, base64url of "Type:key", which
 *   node(id:) decodes (src/graphql/node.ts): unique across types, stable for the record's life;
 * - every other type, which means every public one, gets an opaque id: a keyed hash of type and
 *   reference under the application secret. It cannot be turned back into the reference, guessed
 *   from one, or used with node. Public is the default, so a new public type cannot leak by omission.
 *
 * An object that knows its own id (a ranked page: its page and period) carries it as `id`.
 */
export const STAFF_ID_TYPES: ReadonlySet<string> = new Set([
  'Complaint',
  'SubjectAccessRequest',
  'FoiRequest',
  'DataProtectionComplaint',
  'PageRating',
  'ComplaintQueueItem',
  'SubjectAccessQueueItem',
  'FoiQueueItem',
  'DataProtectionComplaintQueueItem',
  'RatedPage',
  'ResearchContact',
]);

export function globalId(type: string, key: string): string {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');
}

/** A global id's type and key; undefined for anything that is not one. */
export function parseGlobalId(id: string): { type: string; key: string } | undefined {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(id)) return undefined;
  const text = Buffer.from(id, 'base64url').toString('utf8');
  const match = /^([A-Z][A-Za-z]{0,60}):(.{1,200})$/s.exec(text);
  if (!match || globalId(match[1]!, match[2]!) !== id) return undefined;
  return { type: match[1]!, key: match[2]! };
}

/** Public ids: 128 bits of a keyed hash (stable while the application secret is; see README). */
export const publicId = (hash: (purpose: string, value: string) => string, type: string, reference: string) =>
  hash('public-id', `${type}\0${reference}`).slice(0, 22);

type Parent = { id?: string; reference?: string };

/** An `id` resolver for every type that has one (codegen lists them: src/generated/runtimeSchema.ts). */
export function idResolvers(typesWithIds: readonly string[]): Resolvers {
  return Object.fromEntries(
    typesWithIds.map((type) => [
      type,
      {
        id: (parent: Parent, _: unknown, { services }: GraphQLContext) => {
          if (parent.id) return parent.id;
          if (!parent.reference) throw new Error(`${type} has neither an id nor a reference to make one from`);
          return STAFF_ID_TYPES.has(type) ? globalId(type, parent.reference) : publicId((p, v) => services.hasher.hash(p, v), type, parent.reference);
        },
      },
    ]),
  ) as Resolvers;
}

// Codegen mappers (codegen.ts): these types as resolvers return them, before `id` is added here.
export type TrackedCaseRow = Omit<TrackedCase, 'id'>;
export type SubmissionReceiptRow = Omit<SubmissionReceipt, 'id'>;
export type DisclosureEntryRow = Omit<DisclosureEntry, 'id'>;
export type ComplaintQueueItemRow = Omit<ComplaintQueueItem, 'id'>;
export type SubjectAccessQueueItemRow = Omit<SubjectAccessQueueItem, 'id'>;
export type FoiQueueItemRow = Omit<FoiQueueItem, 'id'>;
export type DataProtectionComplaintQueueItemRow = Omit<DataProtectionComplaintQueueItem, 'id'>;
export type DataProtectionComplaintRow = Omit<DataProtectionComplaint, 'id'>;
export type RatedPageRow = Omit<RatedPage, 'id'> & { id: string };
export type ResearchContactRow = Omit<ResearchContact, 'id'>;
