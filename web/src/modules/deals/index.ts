// Deals. Other features reach them only through this file; its strings come with it.
import './messages';
import type { SettingsSection } from '#shared/settings/settings-section';
import { PipelinesSettingsPage } from './settings/pipelines-settings-page';
import { ExchangeRatesPage } from './settings/exchange-rates-page';

export { dealObject } from './deal-object';
export { useDealStageField } from './deal-stage-field';
export { RelatedDeals } from './related/related-deals';

/** Its sections of Settings (app/settings-page.tsx collects them). */
export const dealsSettings: SettingsSection[] = [
  { key: 'pipelines', group: 'sales', page: PipelinesSettingsPage },
  { key: 'exchange-rates', group: 'sales', page: ExchangeRatesPage },
];
