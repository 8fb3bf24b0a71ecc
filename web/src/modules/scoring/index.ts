// Lead scoring and assignment: the score card on a lead's page and the two settings pages. Other
// features reach them only through this file.
import type { SettingsSection } from '#shared/settings/settings-section';
import { ScoringSettingsPage } from './scoring-settings-page';
import { AssignmentSettingsPage } from './assignment-settings-page';
export { LeadScoreCard } from './lead-score-card';

/** Its sections of Settings (app/settings-page.tsx collects them). */
export const scoringSettings: SettingsSection[] = [
  { key: 'lead-scoring', group: 'sales', page: ScoringSettingsPage },
  { key: 'lead-assignment', group: 'sales', page: AssignmentSettingsPage },
];
