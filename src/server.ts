import type { ApolloServer as ApolloServerType, ApolloServerPlugin } from '@apollo/server';
import { ApolloServer, ApolloServerPluginLandingPageDisabled } from './graphql/apollo.js';
import { startServerAndCreateLambdaHandler, handlers } from '@as-integrations/aws-lambda';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { authorizationPlugin } from './auth/authorizationPlugin.js';
import { runtimeTypeDefs } from './generated/runtimeSchema.js';
import { buildExecutableSchema } from './graphql/executableSchema.js';
import { knownOperationTypes } from './graphql/knownOperationTypes.js';
import { buildContext, type GraphQLContext } from './graphql/context.js';
import { errorLoggingPlugin, formatError } from './graphql/errors.js';
import { allResolvers } from './graphql/resolvers.js';
import { httpAnswersPlugin } from './http/answersPlugin.js';
import { bodyLimit, errorAnswer, unreadableBody } from './http/lambdaMiddleware.js';
import { observabilityPlugin } from './observability/observabilityPlugin.js';
import { bypassesEdge, viewerAddress } from './edge/viewerAddress.js';
import { createServices, type AppDependencies, type Services } from './services.js';
import { createFormRoutes, isFormPath } from './web/formRoutes.js';

/**
 * The one place the GraphQL server is built. Lambda (src/handler.ts), the local server and the
 * tests all call createLambdaHandler with their dependencies, so they run the same code.
 *
 * Production behaviour is set here explicitly, never left to NODE_ENV (which Lambda does not set):
 * no landing page, introspection only when configured, masked errors, no stack traces, CSRF
 * prevention, no batching, and query depth, cost, alias, token and directive limits.
 */
export function createApolloServer(services: Pick<Services, 'config' | 'logger'>, typeDefs: string = runtimeTypeDefs): ApolloServerType<GraphQLContext> {
  const { limits } = services.config;
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true },
    maxAliases: { n: limits.maxAliases },
    // Token limit: graphql-js's own parse option (below) refuses as a parse error, a 400; armor's
    // version throws from a plugin hook, which Apollo answers with a 500.
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives },
    blockFieldSuggestion: { enabled: true },
  });
  const protection = armor.protect();
  return new ApolloServer<GraphQLContext>({
    // The schema text without descriptions unless given (the local server gives the described one).
    schema: buildExecutableSchema(typeDefs, allResolvers() as Record<string, unknown>),
    introspection: services.config.introspection,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: true,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [knownOperationTypes, ...protection.validationRules],
    formatError: formatError(services.logger),
    plugins: [
      ...(protection.plugins as ApolloServerPlugin<GraphQLContext>[]),
      ApolloServerPluginLandingPageDisabled(),
      authorizationPlugin,
      errorLoggingPlugin(),
      requestLoggingPlugin(),
      httpAnswersPlugin(),
      observabilityPlugin(),
    ],
  });
}

/** One line per request: operation, caller kind, duration, error codes. Never variables. */
function requestLoggingPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ response, operationName, contextValue: ctx }) {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          ctx.logger.info('graphql request', {
            operationName: operationName ?? null,
            caller: ctx.caller.kind,
            durationMs: Math.round(performance.now() - started),
            errorCodes: errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN')),
          });
        },
      };
    },
  };
}

export type LambdaHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

export function createLambdaHandler(deps: AppDependencies): LambdaHandler {
  const services = createServices(deps);
  return lambdaHandlerFor(services, () => services, () => deps.secret, { typeDefs: deps.typeDefs, edgeOriginVerify: deps.edgeOriginVerify });
}

export interface HandlerOptions {
  /** The schema text to serve (see AppDependencies.typeDefs). */
  typeDefs?: string;
  /**
   * The value CloudFront sends in its origin header when the stack has an edge (EDGE_ORIGIN_VERIFY):
   * the viewer's address is trusted only on requests carrying it, and anonymous requests without it
   * are refused (src/edge/viewerAddress.ts). Unset (npm start, tests): no edge.
   */
  edgeOriginVerify?: string;
}

/** The answer to an anonymous request sent to API Gateway's own address instead of through the edge. */
const notThroughEdge = () =>
  errorAnswer(403, 'FORBIDDEN', 'This address answers staff only. Send public requests to the public address, through which the website sends them.');

/**
 * The handler, with the schema built and Apollo started now, from services that may still be on
 * their way: in Lambda the application secret is fetched while Apollo starts, at module load, and
 * each request waits only for whatever of that is not done yet.
 */
export function lambdaHandlerFor(
  base: Pick<Services, 'config' | 'logger'>,
  services: () => Services | Promise<Services>,
  secret: () => Buffer | Promise<Buffer>,
  { typeDefs, edgeOriginVerify }: HandlerOptions = {},
): LambdaHandler {
  const server = createApolloServer(base, typeDefs);
  const handler = startServerAndCreateLambdaHandler(server, handlers.createAPIGatewayProxyEventV2RequestHandler(), {
    middleware: [bodyLimit, unreadableBody],
    context: async ({ event, context }) =>
      buildContext(await services(), {
        authorization: event.headers?.authorization ?? event.headers?.Authorization,
        // Behind CloudFront, the viewer's own address (trusted only with the edge's secret header).
        sourceIp: viewerAddress(event.headers ?? {}, event.requestContext?.http?.sourceIp, edgeOriginVerify),
        requestId: event.requestContext?.requestId ?? context.awsRequestId,
      }),
  });
  // The public pages' form routes (/forms/…), on this same server (src/web/formRoutes.ts): built
  // on the first form request, once the services and the secret (for the CSRF token) are there.
  let forms: Promise<ReturnType<typeof createFormRoutes>> | undefined;
  const formsOnce = () =>
    (forms ??= Promise.all([services(), secret()]).then(
      ([ready, key]) =>
        createFormRoutes({
          server,
          config: ready.config,
          secret: key,
          logger: ready.logger,
          now: ready.now,
          context: (event, context) =>
            buildContext(ready, {
              authorization: undefined,
              sourceIp: viewerAddress(event.headers ?? {}, event.requestContext?.http?.sourceIp, edgeOriginVerify),
              requestId: event.requestContext?.requestId ?? context.awsRequestId,
            }),
        }),
      (error: unknown) => {
        forms = undefined;
        throw error;
      },
    ));
  return async (event, context) => {
    if (bypassesEdge(event.headers ?? {}, edgeOriginVerify)) return notThroughEdge();
    return isFormPath(event.rawPath) ? (await formsOnce())(event, context) : (handler(event, context, () => undefined) as Promise<APIGatewayProxyStructuredResultV2>);
  };
}
