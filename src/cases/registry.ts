import type { CaseType } from '../generated/graphql.js';
import type { AnyCaseType, TrackableKind } from './contract.js';
import { parseReferenceParts } from './reference.js';

/**
 * The case types the API keeps, found by name or by a reference's prefix. Built once, from the one
 * list in src/caseTypes.ts, and handed to the shared machinery: nothing here imports a case type,
 * so tracking and the areas cannot import each other in a circle.
 */
export class CaseTypeRegistry {
  private readonly byPrefix = new Map<string, TrackableKind>();
  private readonly definitions = new Map<CaseType, AnyCaseType>();

  constructor(
    /** Everything trackable by reference: every case type, and page ratings. */
    readonly trackable: readonly TrackableKind[],
  ) {
    for (const kind of trackable) {
      if (this.byPrefix.has(kind.prefix)) throw new Error(`two case types share the prefix ${kind.prefix}`);
      this.byPrefix.set(kind.prefix, kind);
      if ('workflow' in kind) this.definitions.set(kind.name, kind as unknown as AnyCaseType);
    }
  }

  /** The case types that have a workflow (all but page ratings). */
  get caseTypes(): AnyCaseType[] {
    return [...this.definitions.values()];
  }

  kind(name: CaseType): TrackableKind | undefined {
    return this.trackable.find((k) => k.name === name);
  }

  /** A reference's case type and stored form; undefined when it is not a reference of any kind. */
  parse(raw: string): { kind: TrackableKind; reference: string } | undefined {
    const parts = parseReferenceParts(raw);
    const kind = parts && this.byPrefix.get(parts.prefix);
    return kind && parts ? { kind, reference: parts.reference } : undefined;
  }
}
