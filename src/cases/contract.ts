import type { z } from 'zod';
import type { StaffGroup } from '../auth/caller.js';
import type { HolidayCalendar } from '../calendar/holidays.js';
import type { CaseType, PublicCaseStatus, Resolvers, Signpost } from '../generated/graphql.js';
import type { RetentionPeriod } from '../retention/schedule.js';
import type { DailyCounts, Workflow } from './workflow.js';

/**
 * The case-type contract. A case type is one folder that declares, in one object, what makes it
 * different: its record, workflow, public view, queues, statistics, retention and intake. The
 * shared machinery in src/cases runs every case type with it: public submission and staff logging
 * (SubmissionDesk), the action runner (caseService), audited reads, tracking, queue index entries
 * and daily statistics. Adding a case type is its folder, its schema file, and one line in
 * src/caseTypes.ts.
 *
 * Pure: no AWS, no GraphQL runtime, no store.
 */

/** What every case record has, whatever its type. */
export interface CaseRecord {
  reference: string;
  /** When it arrived (or was logged, for staff-logged cases), as an instant. */
  receivedAt: string;
  /** The statutory day of receipt, Europe/London. */
  receivedOn: string;
  version: number;
  updatedAt: string;
}

/** What a case's submitter sees through trackCase: progress and dates, never notes or names. */
export interface PublicView {
  status: PublicCaseStatus;
  statusDescription: string;
  nextUpdateBy: string | null;
  reviewWindowClosesOn: string | null;
  dueOn?: string | null;
}

/** One queue a case is in: the queue's name and the key that orders it. */
export interface IndexEntry {
  /** The queue, for example COMPLAINT#UNALLOCATED or COMPLAINT#HANDLER#sam. */
  queue: string;
  /** Orders the queue: an ISO date or instant, so that a range of them is a key range. */
  sortKey: string;
}

/** A set of index entries derived from a case's state, each carrying the same small summary. */
export interface IndexSet<R> {
  entries(record: R, calendar: HolidayCalendar): IndexEntry[];
  /** What each entry carries, so a list can be shown without reading the case: no personal data. */
  summary(record: R, calendar: HolidayCalendar): Record<string, unknown>;
  /** Written after the change commits, for sets that can outgrow a transaction (search words). */
  afterCommit?: boolean;
}

/** The queue and key range a queue request asks for. */
export interface QueueQuery {
  queue: string;
  range: { from?: string; to?: string };
  ascending: boolean;
}

/** Anything the public can track by reference: every case type, page ratings included. */
export interface TrackableKind {
  name: CaseType;
  /** The reference prefix, for example CMP. */
  prefix: string;
  /** The submitter's view of a stored case item. */
  publicView(item: Record<string, unknown>, today: string, calendar: HolidayCalendar): PublicView;
}

/** A new case as it arrives: its reference and when. */
export interface Arrival {
  reference: string;
  receivedAt: string;
  /** The day it arrived, Europe/London; staff logging may give an earlier statutory day of receipt. */
  receivedOn: string;
}

/** Keyed hashing for intake (for example an FOI requester's identity for history). */
export interface IntakeTools {
  hash(purpose: string, value: string): string;
}

/** How cases of a type come in: a public form, or staff logging a letter, email or call. */
export interface Intake<F, R> {
  /** The form, idempotencyKey included. */
  schema(today: string): z.ZodType<F & { idempotencyKey: string }>;
  /** When the form belongs elsewhere (ACRO, subject access): the signpost, and nothing is stored. */
  signpost?(form: F): Signpost | null;
  /** The new record. */
  newRecord(form: F, arrival: Arrival, tools: IntakeTools): R;
  /**
   * What makes two cases of this type look alike whatever their source (the requester and what
   * they asked, say): kept as a keyed hash so that staff logging a letter or call are warned of a
   * possible duplicate, for them to decide on. (Public submissions are merged only when the whole
   * form is the same: see CaseService's intake.)
   */
  similarContent(form: F): unknown[];
  /** The names (never values) of what was given, for the audit entry. */
  auditFields(form: F): string[];
  /** The statutory day of receipt, when the form gives one (staff logging). */
  receivedOn?(form: F): string | undefined;
  /**
   * Warnings for the staff who log it, added to the logging payload by field name (for example a
   * subject access request that reads as one for a criminal record). Never a refusal.
   */
  warnings?(form: F): Record<string, unknown>;
}

export interface CaseTypeDefinition<S extends string, R extends CaseRecord, A extends string, Q = unknown, Row = unknown, Stats = unknown> {
  name: CaseType;
  /** The reference prefix, three capitals. */
  prefix: string;
  /** The case in words, for messages: "complaint", "FOI request". */
  noun: string;
  /** The team whose work it is: every staff operation on it is theirs unless an action says otherwise. */
  group: StaffGroup;
  /**
   * Its names in the GraphQL schema: the case's object type, the action payloads' field, and the
   * staff queries that read one case, list a queue and sum the statistics (each the team's).
   */
  graphql: { type: string; payloadField: string; readField: string; queueField: string; statisticsField: string };
  /** The record's fields (zod): what the case item holds and nothing else. */
  record: z.ZodObject;
  workflow: Workflow<S, R, A>;
  /** How long a case is kept from receipt, and why (policy: RETENTION_DAYS_<NAME> overrides the days). */
  retention: RetentionPeriod;
  publicView(record: R, today: string, calendar: HolidayCalendar): PublicView;
  queues: IndexSet<R> & {
    /** The queue a request asks for; throws UserInputError for a request that cannot be answered. */
    query(input: Q, today: string, callerName: string): QueueQuery;
    /** A queue row from an entry's summary. */
    row(item: Record<string, unknown>, today: string): Row;
  };
  /** More index sets kept in step with the case (for example the FOI disclosure log). */
  moreIndexes?: IndexSet<R>[];
  statistics: {
    /** The daily-statistics series. */
    series: string;
    /** What a new case adds. */
    onCreate(record: R): DailyCounts;
    summarise(counts: Record<string, number>, from: string, to: string): Stats;
  };
  /** The public form, if the public can submit one; its mutation is public. */
  submission?: Intake<unknown, R> & { mutation: string };
  /** Staff logging, if staff can log cases that arrive by post, email or phone. */
  logging?: Intake<unknown, R> & { mutation: string };
  /** Any other queries of the case type's schema file, and who may call them (resolved in its resolvers.ts). */
  moreQueries?: Record<string, 'public' | 'staff'>;
  /**
   * The case type's own resolvers (fields derived when read, catalogues, moreQueries), given the
   * definition itself; merged with what every case type gets (src/cases/caseResolvers.ts).
   */
  resolvers?(self: AnyCaseType): Resolvers;
}

/** Any case type, for the shared machinery. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry holds case types of every record and action type
export type AnyCaseType = CaseTypeDefinition<string, any, string, any, any, any>;

/** Declares a case type, checking it against the contract while keeping its own types. */
export const defineCaseType = <S extends string, R extends CaseRecord, A extends string, Q, Row, Stats>(
  definition: CaseTypeDefinition<S, R, A, Q, Row, Stats>,
) => definition;

/** An intake with its form's type inferred from its schema. */
export const intakeFor =
  <R>() =>
  <F>(intake: Intake<F, R> & { mutation: string }): Intake<unknown, R> & { mutation: string } =>
    intake;

/** The record's fields from a stored item: exactly the record schema's keys, absent ones null. */
export function recordFrom<R>(definition: { record: z.ZodObject }, item: Record<string, unknown>): R {
  return Object.fromEntries(Object.keys(definition.record.shape).map((f) => [f, item[f] ?? null])) as R;
}
