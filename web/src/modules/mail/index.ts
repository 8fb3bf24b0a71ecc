// Outbound e-mail (issue #18): Settings > E-mail (SMTP server, test e-mail, sent log) and
// Settings > E-mail templates (bilingual, with a merge-field picker).
import './messages';
import type { SettingsSection } from '#shared/settings/settings-section';
import { SmtpSettingsPage } from './smtp-settings-page';
import { MailTemplatesPage } from './mail-templates-page';

export { RecordMail } from './record-mail';

/** Its sections of Settings (app/settings-page.tsx collects them). */
export const mailSettings: SettingsSection[] = [
  { key: 'mail', group: 'automation', page: SmtpSettingsPage },
  { key: 'mail-templates', group: 'automation', page: MailTemplatesPage, access: 'automation' },
];
