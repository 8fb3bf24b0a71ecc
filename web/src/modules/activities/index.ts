// Activities (notes, calls, meetings, tasks): the timeline and quick-add form record pages show, and
// the API other features read tasks through. Other features reach them only through this file.
export { type Activity, activitiesApi } from './activities-api';
export { QuickAddActivity } from './quick-add-activity';
export { Timeline } from './timeline';
