/**
 * Apollo Server, loaded in the Lambda bundle the way @as-integrations/aws-lambda loads it (require:
 * its CommonJS build), so the bundle holds ONE copy of @apollo/server instead of its ES module
 * build for us and its CommonJS build for the integration (issue 12: bundle size and cold start).
 * Outside a bundle (tsx, vitest), where there is no require, the ES module build is imported.
 */
type Server = typeof import('@apollo/server');
type Errors = typeof import('@apollo/server/errors');
type Disabled = typeof import('@apollo/server/plugin/disabled');
declare const require: ((id: string) => unknown) | undefined;
const APOLLO = '@apollo/server';

const [server, errors, disabled] =
  typeof require === 'function'
    ? [require('@apollo/server') as Server, require('@apollo/server/errors') as Errors, require('@apollo/server/plugin/disabled') as Disabled]
    : // Not literal specifiers, so a bundler leaves this branch to Node (it never runs in the bundle).
      ((await Promise.all(['', '/errors', '/plugin/disabled'].map((path) => import(`${APOLLO}${path}`)))) as [Server, Errors, Disabled]);

export const ApolloServer = server.ApolloServer;
export const unwrapResolverError = errors.unwrapResolverError;
export const ApolloServerPluginLandingPageDisabled = disabled.ApolloServerPluginLandingPageDisabled;
