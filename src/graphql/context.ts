import { GraphQLError } from 'graphql';
import { UnauthenticatedError } from '../errors.js';
import type { Caller } from '../auth/caller.js';
import type { Logger } from '../logging/logger.js';
import type { Services } from '../services.js';
import { ReadBudget } from '../store/readBudget.js';

/** What every resolver gets: who is calling, the services, and a logger tagged with the request. */
export interface GraphQLContext {
  caller: Caller;
  services: Services;
  logger: Logger;
  requestId: string;
  /** What this request may still read, shared by all its fields (src/store/readBudget.ts). */
  readBudget: ReadBudget;
}

export interface RequestFacts {
  authorization: string | undefined;
  sourceIp: string | undefined;
  requestId: string;
}

/**
 * Turns a request into a context. No token: anonymous. A token: it must verify, or the request is
 * refused (a bad token never silently becomes anonymous). The source address is hashed at once
 * and never kept or logged.
 */
export async function buildContext(services: Services, facts: RequestFacts): Promise<GraphQLContext> {
  const sourceHash = services.hasher.hash('source', facts.sourceIp ?? 'unknown');
  const logger = services.logger.child({ requestId: facts.requestId });
  const token = /^Bearer\s+(.+)$/i.exec(facts.authorization ?? '')?.[1]?.trim();
  if (!token) return { caller: { kind: 'anonymous', sourceHash }, services, logger, requestId: facts.requestId, readBudget: new ReadBudget(services.config.limits.readBudget) };
  let staff;
  try {
    staff = await services.tokenVerifier.verify(token);
  } catch (error) {
    if (error instanceof UnauthenticatedError) {
      throw new GraphQLError(error.message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
    }
    throw error;
  }
  return {
    caller: { kind: 'staff', ...staff, sourceHash },
    services,
    logger: logger.child({ staffId: staff.id }),
    requestId: facts.requestId,
    readBudget: new ReadBudget(services.config.limits.readBudget),
  };
}
