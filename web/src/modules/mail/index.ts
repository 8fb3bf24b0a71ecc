// Outbound e-mail (issue #18): Settings > E-mail (SMTP server, test e-mail, sent log) and
// Settings > E-mail templates (bilingual, with a merge-field picker).
import './messages';

export { MailTemplatesPage } from './mail-templates-page';
export { SmtpSettingsPage } from './smtp-settings-page';
export { RecordMail } from './record-mail';
