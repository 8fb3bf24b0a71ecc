// Custom objects (issue #17): pages built at runtime from the object registry, the Settings > Objects
// page, and the related lists other records' detail pages show for lookups pointing at them.
import './messages';
import type { SettingsSection } from '#shared/settings/settings-section';
import { ObjectsSettingsPage } from './settings/objects-settings-page';

export { customObjectDef, customObjectPath } from './records/custom-object-def';
export { ObjectsRoutes } from './records/objects-routes';
export { RelatedObjectLists } from './related/related-object-lists';

/** Its sections of Settings (app/settings-page.tsx collects them). */
export const objectsSettings: SettingsSection[] = [{ key: 'objects', group: 'customization', page: ObjectsSettingsPage }];
