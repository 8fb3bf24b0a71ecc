// Page layouts (issue #17): Settings > Layouts, where admins choose each object's default list
// columns and arrange its detail page in sections. The record pages read layouts through
// #shared/records/use-object-layout, not through this feature.
import './messages';
import type { SettingsSection } from '#shared/settings/settings-section';
import { LayoutsSettingsPage } from './layouts-settings-page';

/** Its sections of Settings (app/settings-page.tsx collects them). */
export const layoutsSettings: SettingsSection[] = [{ key: 'layouts', group: 'customization', page: LayoutsSettingsPage }];
