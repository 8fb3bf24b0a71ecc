// Page layouts (issue #17): Settings > Layouts, where admins choose each object's default list
// columns and arrange its detail page in sections. The record pages read layouts through
// #shared/records/use-object-layout, not through this feature.
import './messages';

export { LayoutsSettingsPage } from './layouts-settings-page';
