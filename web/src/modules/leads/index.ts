// Leads. Other features reach them only through this file; its strings come with it.
import './messages';

export { LeadFormsPage } from './lead-forms-page';
export { leadObject } from './lead-object';
export { LeadRulesPage } from './lead-rules-page';
