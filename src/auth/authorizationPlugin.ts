import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { decide } from './policy.js';

/**
 * Applies the policy before anything executes: every root field of the operation must be allowed
 * for the caller, or the whole operation is refused and no resolver runs.
 */
export const authorizationPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, document, contextValue }) {
        if (!operation) return;
        const rootType = operation.operation === 'query' ? 'Query' : operation.operation === 'mutation' ? 'Mutation' : 'Subscription';
        const fragments = new Map(
          document.definitions
            .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
            .map((d) => [d.name.value, d]),
        );
        for (const field of rootFields(operation.selectionSet, fragments, new Set())) {
          if (field === '__typename' || (field.startsWith('__') && rootType === 'Query')) continue;
          const decision = decide(contextValue.caller, rootType, field);
          if (decision === 'UNAUTHENTICATED') {
            throw new GraphQLError(`Sign in to use ${field}.`, {
              extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
            });
          }
          if (decision === 'FORBIDDEN') {
            throw new GraphQLError(`You are not allowed to use ${field}.`, {
              extensions: { code: 'FORBIDDEN', http: { status: 403 } },
            });
          }
        }
      },
    };
  },
};

function rootFields(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>): string[] {
  return set.selections.flatMap((s) => {
    if (s.kind === Kind.FIELD) return [s.name.value];
    if (s.kind === Kind.INLINE_FRAGMENT) return rootFields(s.selectionSet, fragments, seen);
    if (seen.has(s.name.value)) return [];
    seen.add(s.name.value);
    const fragment = fragments.get(s.name.value);
    return fragment ? rootFields(fragment.selectionSet, fragments, seen) : [];
  });
}
