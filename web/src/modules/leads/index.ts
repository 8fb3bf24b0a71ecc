// Leads. Other features reach them only through this file; its strings come with it.
import './messages';
import type { SettingsSection } from '#shared/settings/settings-section';
import { LeadFormsPage } from './lead-forms-page';
import { LeadRulesPage } from './lead-rules-page';

export { leadObject } from './lead-object';

/** Its sections of Settings (app/settings-page.tsx collects them). */
export const leadsSettings: SettingsSection[] = [
  { key: 'lead-forms', group: 'sales', page: LeadFormsPage },
  { key: 'lead-rules', group: 'sales', page: LeadRulesPage },
];
