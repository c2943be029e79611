import type { AnyCaseType } from '../cases/contract.js';
import { registry } from '../caseTypes.js';
import { staffGroups, type Caller, type StaffGroup } from './caller.js';

/**
 * Who may call what: every root operation, in one table. An operation that is not listed here is
 * refused to everyone (deny by default), and a test checks that the table and the schema agree.
 * Staff see only their team's work: each staff operation names the groups that may call it.
 *
 * The operations of each case type come from its definition (src/cases/contract.ts): its workflow
 * actions (each for the groups its row names, else the case type's team), its public form, staff
 * logging, and its read, queue and statistics queries. Only what is not a case type's is written here.
 */
export type Access = { kind: 'public' } | { kind: 'staff'; groups: readonly StaffGroup[] };

const PUBLIC: Access = { kind: 'public' };
const staff = (...groups: StaffGroup[]): Access => ({ kind: 'staff', groups });

type Policy = Record<'Query' | 'Mutation', Record<string, Access>>;

const notCaseTypes: Policy = {
  Query: {
    ping: PUBLIC,
    trackCase: PUBLIC,
    statutoryDeadline: PUBLIC,
    pageRating: staff('web-content'),
    pageRatingSummary: staff('web-content'),
    worstRatedPages: staff('web-content'),
    pageComments: staff('web-content'),
    researchContacts: staff('web-content'),
    // Any staff member may ask; what comes back is decided per kind of record (decideNode).
    node: staff(...staffGroups),
  },
  Mutation: {
    submitPageRating: PUBLIC,
    reviewPageRating: staff('web-content'),
    eraseResearchContact: staff('web-content'),
  },
};

/** A case type's operations, read off its definition. */
export function caseTypeOperations(type: AnyCaseType): Policy {
  const team = staff(type.group);
  const { readField, queueField, statisticsField } = type.graphql;
  return {
    Query: {
      [readField]: team,
      [queueField]: team,
      [statisticsField]: team,
      ...Object.fromEntries(Object.entries(type.moreQueries ?? {}).map(([field, who]) => [field, who === 'public' ? PUBLIC : team])),
    },
    Mutation: {
      ...(type.submission && { [type.submission.mutation]: PUBLIC }),
      ...(type.logging && { [type.logging.mutation]: team }),
      ...Object.fromEntries(
        Object.entries(type.workflow.actions).map(([action, spec]) => [action, spec?.groups ? staff(...spec.groups) : team]),
      ),
    },
  };
}

function buildPolicy(caseTypes: readonly AnyCaseType[]): Policy {
  const policy: Policy = { Query: { ...notCaseTypes.Query }, Mutation: { ...notCaseTypes.Mutation } };
  for (const type of caseTypes) {
    const ops = caseTypeOperations(type);
    for (const root of ['Query', 'Mutation'] as const) {
      for (const [field, access] of Object.entries(ops[root])) {
        if (policy[root][field]) throw new Error(`${root}.${field} is declared twice in the policy`);
        policy[root][field] = access;
      }
    }
  }
  return policy;
}

export const operationPolicy: Policy = buildPolicy(registry.caseTypes);

export type Decision = 'ALLOWED' | 'UNAUTHENTICATED' | 'FORBIDDEN';

export function decide(caller: Caller, rootType: string, field: string): Decision {
  const access = (operationPolicy as Record<string, Record<string, Access> | undefined>)[rootType]?.[field];
  if (!access) return 'FORBIDDEN';
  if (access.kind === 'public') return 'ALLOWED';
  if (caller.kind !== 'staff') return 'UNAUTHENTICATED';
  return caller.groups.some((g) => access.groups.includes(g)) ? 'ALLOWED' : 'FORBIDDEN';
}

/**
 * node(id:): which kinds of record it may fetch, each under the policy of the record's own query
 * (a Complaint as `complaint`). A kind not listed here is refused to everyone (deny by default).
 */
export const nodeReadFields: Readonly<Record<string, string>> = {
  PageRating: 'pageRating',
  ...Object.fromEntries(registry.caseTypes.map((type) => [type.graphql.type, type.graphql.readField])),
};

export function decideNode(caller: Caller, typename: string): Decision {
  const readField = Object.hasOwn(nodeReadFields, typename) ? nodeReadFields[typename] : undefined;
  return readField ? decide(caller, 'Query', readField) : 'FORBIDDEN';
}
