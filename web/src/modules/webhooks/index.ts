// Webhooks (issue #18): Settings > Webhooks, where admins subscribe URLs to events, see and rotate
// their signing secrets and read the delivery log with replay.
import './messages';

export { WebhooksSettingsPage } from './webhooks-settings-page';
