import { CaseTypeRegistry } from './cases/registry.js';
import { complaintCaseType } from './complaints/caseType.js';
import { dataProtectionCaseType } from './dataProtection/caseType.js';
import { pageRatingTrackable } from './pageRatings/model.js';
import { foiPublicView } from './foi/publicView.js';
import type { FoiRecord } from './foi/model.js';
import { sarPublicView } from './subjectAccess/publicView.js';
import type { SarRecord } from './subjectAccess/model.js';

/**
 * Every kind of case the API keeps: the one list the shared machinery (tracking, the action
 * runner, the policy, the resolvers) reads. A new case type is its folder, its schema file, and a
 * line here.
 */
export const registry = new CaseTypeRegistry([
  pageRatingTrackable,
  complaintCaseType,
  dataProtectionCaseType,
  // Transitional: subject access and FOI are trackable here until they are declared as case types.
  { name: 'SUBJECT_ACCESS', prefix: 'SAR', publicView: (item, _today, calendar) => sarPublicView(calendar, item as unknown as SarRecord) },
  { name: 'FOI', prefix: 'FOI', publicView: (item, today, calendar) => foiPublicView(calendar, item as unknown as FoiRecord, today) },
]);
