// Deals. Other features reach them only through this file; its strings come with it.
import './messages';

export { dealObject } from './deal-object';
export { useDealStageField } from './deal-stage-field';
export { RelatedDeals } from './related/related-deals';
export { ExchangeRatesPage } from './settings/exchange-rates-page';
export { PipelinesSettingsPage } from './settings/pipelines-settings-page';
