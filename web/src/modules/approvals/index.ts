// Approvals (issue #18): the approval panel every record page shows, the "my approvals" inbox
// (/approvals) and Settings > Approval processes (the designer).
import './messages';

export { ApprovalPanel } from './approval-panel';
export { useApprovalLock } from './use-approval-lock';
export { ApprovalsInboxPage } from './approvals-inbox-page';
export { ApprovalProcessesPage } from './approval-processes-page';
