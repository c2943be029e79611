import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isIsoDate } from '../calendar/londonDate.js';

function dateValue(value: unknown): string {
  if (typeof value === 'string' && isIsoDate(value)) return value;
  throw new GraphQLError('A Date is written YYYY-MM-DD and must be a real calendar date.', {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD, in the Europe/London calendar.',
  serialize: (v) => dateValue(v),
  parseValue: (v) => dateValue(v),
  parseLiteral: (ast) => dateValue(ast.kind === Kind.STRING ? ast.value : undefined),
});

function dateTimeValue(value: unknown): string {
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  throw new GraphQLError('A DateTime is an ISO 8601 instant, for example 2026-11-21T09:30:00Z.', {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant, ISO 8601, in UTC.',
  serialize: (v) => dateTimeValue(v),
  parseValue: (v) => dateTimeValue(v),
  parseLiteral: (ast) => dateTimeValue(ast.kind === Kind.STRING ? ast.value : undefined),
});
