// Lead scoring and assignment: the score card on a lead's page and the two settings pages. Other
// features reach them only through this file.
export { AssignmentSettingsPage } from './assignment-settings-page';
export { LeadScoreCard } from './lead-score-card';
export { ScoringSettingsPage } from './scoring-settings-page';
