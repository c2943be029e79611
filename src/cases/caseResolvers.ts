import type { Resolvers } from '../generated/graphql.js';
import type { GraphQLContext } from '../graphql/context.js';
import { payload } from '../graphql/payload.js';
import type { AnyCaseType, CaseRecord } from './contract.js';
import type { Submission } from './caseService.js';
import { asUserErrors, type Outcome } from '../errors.js';
import { countSubmission } from '../observability/submissionMetrics.js';

/**
 * The resolvers every case type gets from its definition, so that declaring an action once is
 * enough: one mutation per workflow action, the public form and staff logging, the read, queue
 * and statistics queries, and availableActions and auditTrail on the case. Area resolvers add only
 * the fields that are theirs (derived fields, catalogues).
 */
type ActionArgs = { input: { reference: string; expectedVersion: number } & Record<string, unknown> };
type QueryArgs = { input: unknown; first?: number | null; after?: string | null };

const submissionPayload = (outcome: Outcome<Submission>) =>
  outcome.ok
    ? { receipt: outcome.value.receipt, signpost: outcome.value.signpost, userErrors: [] }
    : { receipt: null, signpost: null, userErrors: asUserErrors(outcome.userErrors) };

/** Staff logging's payload: the submission's, with the possible duplicates for staff to decide on. */
const loggingPayload = (outcome: Outcome<Submission>) =>
  outcome.ok
    ? { receipt: outcome.value.receipt, possibleDuplicateOf: outcome.value.receipt?.possibleDuplicateOf ?? [], ...outcome.value.warnings, userErrors: [] }
    : { receipt: null, possibleDuplicateOf: [], userErrors: asUserErrors(outcome.userErrors) };

export function caseTypeResolvers(type: AnyCaseType): Resolvers {
  const Mutation: Record<string, unknown> = {};
  for (const action of Object.keys(type.workflow.actions)) {
    Mutation[action] = async (_: unknown, { input }: ActionArgs, { services, caller }: GraphQLContext) =>
      payload(type.graphql.payloadField, await services.cases.act(type, action, input, caller));
  }
  if (type.submission) {
    Mutation[type.submission.mutation] = async (_: unknown, { input }: { input: Record<string, unknown> }, { services, caller }: GraphQLContext) =>
      submissionPayload(countSubmission(services.metrics, type.name, 'PUBLIC', input, await services.cases.submit(type, input, caller)));
  }
  if (type.logging) {
    Mutation[type.logging.mutation] = async (_: unknown, { input }: { input: Record<string, unknown> }, { services, caller }: GraphQLContext) =>
      loggingPayload(countSubmission(services.metrics, type.name, 'STAFF', input, await services.cases.log(type, input, caller)));
  }
  const { readField, queueField, statisticsField } = type.graphql;
  const resolvers = {
    Query: {
      [readField]: (_: unknown, { reference }: { reference: string }, { services, caller }: GraphQLContext) => services.cases.get(type, reference, caller),
      [queueField]: (_: unknown, { input, first, after }: QueryArgs, { services, caller }: GraphQLContext) =>
        services.cases.queue(type, input, { first, after }, caller),
      [statisticsField]: (_: unknown, { input }: { input: { from: string; to: string } }, { services }: GraphQLContext) => services.cases.statistics(type, input),
    },
    Mutation,
    [type.graphql.type]: {
      availableActions: (record: CaseRecord, _: unknown, { services, caller }: GraphQLContext) => services.cases.availableActions(type, record, caller),
      auditTrail: (record: CaseRecord, _: unknown, { services }: GraphQLContext) => services.audit.list(record.reference),
      // A case never corrected has none (src/cases/receiptDate.ts).
      ...('receiptCorrections' in type.record.shape && {
        receiptCorrections: (record: CaseRecord & { receiptCorrections?: unknown[] | null }) => record.receiptCorrections ?? [],
      }),
    },
  };
  // Built from the definition rather than written field by field, so the generated per-field types
  // cannot be checked here; the policy test and the table walk check every field against the schema.
  return mergeResolvers([resolvers as Resolvers, type.resolvers?.(type) ?? {}]);
}

/** Resolvers merged by root and object type (later ones add fields). */
export function mergeResolvers(all: Resolvers[]): Resolvers {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const part of all) {
    for (const [type, fields] of Object.entries(part)) merged[type] = { ...merged[type], ...(fields as object) };
  }
  return merged as Resolvers;
}
