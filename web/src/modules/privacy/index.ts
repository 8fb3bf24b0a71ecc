// Privacy (issue #21): Settings > Records of processing, derived by the server from the
// registry's field classification and the roles; admins add purpose, legal basis and retention.
// Settings > Privacy requests: the data-subject request queue, each request's steps, the export
// package and the erasure.
import './messages';
import type { SettingsSection } from '#shared/settings/settings-section';
import { ProcessingRecordsPage } from './processing-records-page';
import { PrivacyRequestsRoutes } from './privacy-requests-routes';
import { LegalHoldsPage } from './legal-holds-page';
import { RetentionPoliciesPage } from './retention-policies-page';

/** Its sections of Settings (app/settings-page.tsx collects them). */
export const privacySettings: SettingsSection[] = [
  { key: 'privacy', group: 'privacy', page: ProcessingRecordsPage },
  { key: 'privacy-requests', group: 'privacy', page: PrivacyRequestsRoutes, path: 'privacy-requests/*' },
  { key: 'privacy-retention', group: 'privacy', page: RetentionPoliciesPage },
  { key: 'privacy-holds', group: 'privacy', page: LegalHoldsPage },
];
