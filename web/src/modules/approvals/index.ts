// Approvals (issue #18): the approval panel every record page shows, the "my approvals" inbox
// (/approvals) and Settings > Approval processes (the designer).
import './messages';
import type { SettingsSection } from '#shared/settings/settings-section';
import { ApprovalProcessesPage } from './approval-processes-page';

export { ApprovalPanel } from './approval-panel';
export { useApprovalLock } from './use-approval-lock';
export { ApprovalsInboxPage } from './approvals-inbox-page';

/** Its sections of Settings (app/settings-page.tsx collects them). */
export const approvalsSettings: SettingsSection[] = [{ key: 'approval-processes', group: 'automation', page: ApprovalProcessesPage }];
