import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * Refuses an operation whose type the schema does not have (a `subscription`: this API has none)
 * as a validation error, 400 GRAPHQL_VALIDATION_FAILED. graphql-js 16 does not check this until
 * execution, where it throws, and Apollo would answer an internal error to anyone who sent one.
 * (graphql-js 17 has the same rule as KnownOperationTypesRule.)
 */
export const knownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const schema = context.getSchema();
    const root = node.operation === 'query' ? schema.getQueryType() : node.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
    if (!root) context.reportError(new GraphQLError(`This API does not support ${node.operation} operations.`, { nodes: node }));
  },
});
