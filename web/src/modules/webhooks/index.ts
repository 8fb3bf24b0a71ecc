// Webhooks (issue #18): Settings > Webhooks, where admins subscribe URLs to events, see and rotate
// their signing secrets and read the delivery log with replay.
import './messages';
import type { SettingsSection } from '#shared/settings/settings-section';
import { WebhooksSettingsPage } from './webhooks-settings-page';

/** Its sections of Settings (app/settings-page.tsx collects them). */
export const webhooksSettings: SettingsSection[] = [{ key: 'webhooks', group: 'automation', page: WebhooksSettingsPage }];
