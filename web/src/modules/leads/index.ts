// Leads. Other features reach them only through this file; its strings come with it.
import './messages';

export { leadObject } from './lead-object';
