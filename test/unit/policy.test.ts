import { buildSchema, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { decide, operationPolicy } from '../../src/auth/policy.js';
import type { Caller } from '../../src/auth/caller.js';
import { typeDefs } from '../../src/generated/typeDefs.js';

const schema = buildSchema(typeDefs);

describe('authorization policy', () => {
  it('names every operation in the schema, and nothing else', () => {
    for (const root of ['Query', 'Mutation'] as const) {
      const fields = Object.keys(schema.getType(root) && 'getFields' in schema.getType(root)! ? (schema.getType(root) as GraphQLObjectType).getFields() : {});
      expect(Object.keys(operationPolicy[root]).sort(), root).toEqual(fields.sort());
    }
  });

  it('denies what it does not know, to everyone', () => {
    const staff: Caller = { kind: 'staff', id: 'x', name: 'x', groups: ['web-content', 'information-rights', 'professional-standards'], sourceHash: 'h' };
    expect(decide(staff, 'Query', 'somethingNew')).toBe('FORBIDDEN');
    expect(decide(staff, 'Subscription', 'anything')).toBe('FORBIDDEN');
  });

  it('asks the anonymous to sign in, and refuses staff of other teams', () => {
    const anonymous: Caller = { kind: 'anonymous', sourceHash: 'h' };
    const other: Caller = { kind: 'staff', id: 'x', name: 'x', groups: ['professional-standards'], sourceHash: 'h' };
    const web: Caller = { ...other, groups: ['web-content'] };
    const none: Caller = { ...other, groups: [] };
    expect(decide(anonymous, 'Query', 'researchContacts')).toBe('UNAUTHENTICATED');
    expect(decide(other, 'Query', 'researchContacts')).toBe('FORBIDDEN');
    expect(decide(none, 'Query', 'researchContacts')).toBe('FORBIDDEN');
    expect(decide(web, 'Query', 'researchContacts')).toBe('ALLOWED');
    expect(decide(anonymous, 'Mutation', 'submitPageRating')).toBe('ALLOWED');
  });
});
