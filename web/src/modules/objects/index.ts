// Custom objects (issue #17): pages built at runtime from the object registry, the Settings > Objects
// page, and the related lists other records' detail pages show for lookups pointing at them.
import './messages';

export { customObjectDef, customObjectPath } from './records/custom-object-def';
export { ObjectsRoutes } from './records/objects-routes';
export { RelatedObjectLists } from './related/related-object-lists';
export { ObjectsSettingsPage } from './settings/objects-settings-page';
