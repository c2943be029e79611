import type { ActorKind } from '../generated/graphql.js';
import type { Caller } from '../auth/caller.js';

/**
 * An audit entry: who did what to which record, and when. Entries name the fields changed or read,
 * never their values, so the audit trail itself holds no personal data beyond staff user names.
 */
export interface AuditActor {
  kind: ActorKind;
  id?: string;
  name?: string;
}

export interface AuditRecord {
  subject: string;
  at: string;
  actor: AuditActor;
  action: string;
  fields: string[];
  version: number | null;
}

export function actorOf(caller: Caller): AuditActor {
  return caller.kind === 'staff' ? { kind: 'STAFF', id: caller.id, name: caller.name } : { kind: 'PUBLIC' };
}
