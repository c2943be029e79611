import type { PublicPage } from '../page.js';
import { complaintPage } from './complaint.js';
import { dataProtectionPage } from './dataProtection.js';
import { deadlinePage } from './deadline.js';
import { disclosureLogPage } from './disclosureLog.js';
import { foiPage } from './foi.js';
import { rateThisPage } from './rateThisPage.js';
import { subjectAccessPage } from './subjectAccess.js';
import { trackPage } from './track.js';

/** Every public page, by its address under /forms/. */
export const publicPages: PublicPage[] = [
  rateThisPage,
  complaintPage,
  subjectAccessPage,
  foiPage,
  dataProtectionPage,
  trackPage,
  deadlinePage,
  disclosureLogPage,
] as unknown as PublicPage[];

export const pageBySlug = (slug: string) => publicPages.find((p) => p.slug === slug);
