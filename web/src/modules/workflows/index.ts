// Workflow rules (issue #18): Settings > Workflow rules, where admins build rules (object, trigger,
// conditions, ordered actions), test them on a record, switch and order them, and read run history.
import './messages';
import type { SettingsSection } from '#shared/settings/settings-section';
import { WorkflowRulesPage } from './workflow-rules-page';

/** Its sections of Settings (app/settings-page.tsx collects them). */
export const workflowsSettings: SettingsSection[] = [{ key: 'workflow-rules', group: 'automation', page: WorkflowRulesPage, access: 'automation' }];
