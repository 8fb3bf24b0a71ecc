// Privacy (issue #21): Settings > Records of processing, derived by the server from the
// registry's field classification and the roles; admins add purpose, legal basis and retention.
// Settings > Privacy requests: the data-subject request queue, each request's steps, the export
// package and the erasure.
import './messages';

export { ProcessingRecordsPage } from './processing-records-page';
export { PrivacyRequestsRoutes } from './privacy-requests-routes';
export { RetentionPoliciesPage } from './retention-policies-page';
