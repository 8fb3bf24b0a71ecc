import { approvalsSettings } from '#modules/approvals';
import { dealsSettings } from '#modules/deals';
import { layoutsSettings } from '#modules/layouts';
import { leadsSettings } from '#modules/leads';
import { mailSettings } from '#modules/mail';
import { objectsSettings } from '#modules/objects';
import { privacySettings } from '#modules/privacy';
import { scoringSettings } from '#modules/scoring';
import { SettingsRoutes } from '#modules/settings/settings-routes';
import { ticketsSettings } from '#modules/tickets';
import { webhooksSettings } from '#modules/webhooks';
import { workflowsSettings } from '#modules/workflows';

/**
 * The features' sections of Settings, wired here as the routes are (a new feature adds its
 * `<feature>Settings` to this list); Settings groups them. Loaded lazily with Settings.
 */
const SECTIONS = [
  ...objectsSettings,
  ...layoutsSettings,
  ...leadsSettings,
  ...scoringSettings,
  ...dealsSettings,
  ...ticketsSettings,
  ...workflowsSettings,
  ...approvalsSettings,
  ...webhooksSettings,
  ...mailSettings,
  ...privacySettings,
];

export function SettingsPage() {
  return <SettingsRoutes sections={SECTIONS} />;
}
