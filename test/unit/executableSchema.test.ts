import { graphql, GraphQLScalarType, validateSchema, buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { runtimeTypeDefs } from '../../src/generated/runtimeSchema.js';
import { typeDefs } from '../../src/generated/typeDefs.js';
import { buildExecutableSchema } from '../../src/graphql/executableSchema.js';
import { allResolvers } from '../../src/graphql/resolvers.js';

const SDL = `
interface Named { name: String! }
type Person implements Named { name: String! shout: String! }
type Query { ping: Boolean! person: Named today: Day }
scalar Day
`;

describe('the executable schema (built once, resolvers set in place)', () => {
  it('is built from a schema text graphql-js finds valid, the one codegen printed (it skips validating it again at run time)', () => {
    expect(validateSchema(buildSchema(runtimeTypeDefs))).toEqual([]);
    expect(validateSchema(buildSchema(typeDefs))).toEqual([]);
  });

  it('takes every resolver the app has: each names a type and field the schema has', () => {
    expect(() => buildExecutableSchema(runtimeTypeDefs, allResolvers() as Record<string, unknown>)).not.toThrow();
  });

  it('runs field resolvers, __resolveType and custom scalars', async () => {
    const schema = buildExecutableSchema(SDL, {
      Query: { ping: () => true, person: () => ({ name: 'Ada' }), today: () => new Date(Date.UTC(2026, 10, 22)) },
      Named: { __resolveType: () => 'Person' },
      Person: { shout: (p: { name: string }) => p.name.toUpperCase() },
      Day: new GraphQLScalarType({ name: 'Day', serialize: (d) => (d as Date).toISOString().slice(0, 10) }),
    });
    const result = await graphql({ schema, source: '{ ping today person { name ... on Person { shout } } }' });
    expect(result).toEqual({ data: { ping: true, today: '2026-11-22', person: { name: 'Ada', shout: 'ADA' } } });
  });

  it('refuses, at start-up, a resolver for a type or field the schema does not have (a typo is not a silent no-op)', () => {
    expect(() => buildExecutableSchema(SDL, { Query: { pong: () => true } })).toThrow('Query.pong');
    expect(() => buildExecutableSchema(SDL, { Persn: { name: () => 'x' } })).toThrow('Persn');
    expect(() => buildExecutableSchema(SDL, { Day: { serialize: () => 'x' } })).toThrow('GraphQLScalarType');
  });
});
