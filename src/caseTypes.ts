import { CaseTypeRegistry } from './cases/registry.js';
import { complaintCaseType } from './complaints/caseType.js';
import { dataProtectionCaseType } from './dataProtection/caseType.js';
import { pageRatingTrackable } from './pageRatings/model.js';
import { foiCaseType } from './foi/caseType.js';
import { subjectAccessCaseType } from './subjectAccess/caseType.js';

/**
 * Every kind of case the API keeps: the one list the shared machinery (tracking, the action
 * runner, the policy, the resolvers) reads. A new case type is its folder, its schema file, and a
 * line here.
 */
export const registry = new CaseTypeRegistry([
  pageRatingTrackable,
  complaintCaseType,
  subjectAccessCaseType,
  foiCaseType,
  dataProtectionCaseType,
]);
