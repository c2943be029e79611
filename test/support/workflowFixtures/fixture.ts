import type { StaffGroup } from '../../../src/auth/caller.js';
import type { AnyCaseType } from '../../../src/cases/contract.js';

/**
 * What the workflow walk needs for a case type: records in every state of its table (more than one
 * where a state's rules can go either way), a valid input for every action, and the moment the walk
 * happens at. The walk stores each record as it is and runs every action on it through the API.
 */
export interface WorkflowFixture<R> {
  caseType: AnyCaseType;
  groups: StaffGroup[];
  /** The instant the walk runs at (the API's clock is set to it). */
  now: string;
  examples: Record<string, R[]>;
  inputs: Record<string, Record<string, unknown>>;
}
