import type { CaseType } from '../../generated/graphql.js';
import { complaintPlan } from './complaints.js';
import { dataProtectionPlan } from './dataProtection.js';
import { foiPlan } from './foi.js';
import type { CorrespondencePlan } from './plan.js';
import { subjectAccessPlan } from './subjectAccess.js';

/**
 * Every case type's correspondence plan, by case type: THE list of what changes say to people.
 * Page ratings send nothing (a rating has no one to write to; research contact is by the web team).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- plans of every record type, as the case registry holds case types
export const correspondencePlans: Partial<Record<CaseType, CorrespondencePlan<any>>> = {
  COMPLAINT: complaintPlan,
  FOI: foiPlan,
  SUBJECT_ACCESS: subjectAccessPlan,
  DATA_PROTECTION_COMPLAINT: dataProtectionPlan,
};
