// Workflow rules (issue #18): Settings > Workflow rules, where admins build rules (object, trigger,
// conditions, ordered actions), test them on a record, switch and order them, and read run history.
import './messages';

export { WorkflowRulesPage } from './workflow-rules-page';
