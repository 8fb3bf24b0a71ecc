import { Grid, Menu, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { can } from '#shared/auth/permissions';
import { useMe } from '#shared/auth/session';
import { NotFound } from '#app/not-found';
import { ApprovalProcessesPage } from '#modules/approvals';
import { ExchangeRatesPage, PipelinesSettingsPage } from '#modules/deals';
import { LeadFormsPage, LeadRulesPage } from '#modules/leads';
import { AssignmentSettingsPage, ScoringSettingsPage } from '#modules/scoring';
import { LayoutsSettingsPage } from '#modules/layouts';
import { MailTemplatesPage, SmtpSettingsPage } from '#modules/mail';
import { ObjectsSettingsPage } from '#modules/objects';
import { PrivacyRequestsRoutes, ProcessingRecordsPage, RetentionPoliciesPage } from '#modules/privacy';
import { TicketMacrosPage, TicketQueuesPage } from '#modules/tickets';
import { WebhooksSettingsPage } from '#modules/webhooks';
import { WorkflowRulesPage } from '#modules/workflows';
import { ApiTokensPage } from './api-tokens/api-tokens-page';
import { AuditLogPage } from './audit/audit-log-page';
import { BusinessCalendarsPage } from './calendars/calendars-page';
import { CustomFieldsPage } from './custom-fields/custom-fields-page';
import { NumberingPage } from './numbering/numbering-page';
import { RolesPage } from './roles/roles-page';
import styles from './settings.module.css';
import { TeamsPage } from './teams/teams-page';
import { TenantPage } from './tenant/tenant-page';
import { UsersPage } from './users/users-page';

const SECTIONS = [
  'users',
  'teams',
  'roles',
  'objects',
  'custom-fields',
  'layouts',
  'api-tokens',
  'audit-log',
  'privacy',
  'privacy-requests',
  'privacy-retention',
  'general',
  'numbering',
  'business-hours',
  'lead-forms',
  'lead-rules',
  'lead-scoring',
  'lead-assignment',
  'pipelines',
  'exchange-rates',
  'webhooks',
  'workflow-rules',
  'approval-processes',
  'mail',
  'mail-templates',
  'ticket-queues',
  'ticket-macros',
] as const;

/** What a non-admin granted `automation` sees: the rules they build and the templates those send. */
const AUTOMATION_SECTIONS: readonly string[] = ['workflow-rules', 'mail-templates'];

export function SettingsRoutes() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const asked = useLocation().pathname.split('/')[2];
  const sections = me.user.isAdmin ? SECTIONS : SECTIONS.filter((s) => can(me, 'automation', 'read') && AUTOMATION_SECTIONS.includes(s));
  const section = asked ?? sections[0] ?? 'users';
  // On a phone the section list is one select above the content, not a long menu pushing it off screen.
  const phone = Grid.useBreakpoint().md === false;
  const items = sections.map((s) => ({ key: s, label: t(`settings.sections.${s}`) }));
  if (sections.length === 0 || (asked && !(sections as readonly string[]).includes(asked))) return <NotFound />;
  return (
    <div className={styles.layout}>
      {phone ? (
        <Select
          style={{ width: '100%' }}
          value={section}
          options={items.map((i) => ({ value: i.key, label: i.label }))}
          onChange={(key: string) => navigate(`/settings/${key}`)}
          data-testid="settings-section-select"
        />
      ) : (
        <Menu
          className={styles.menu}
          style={{ borderInlineEnd: 'none' }}
          mode="inline"
          selectedKeys={[section]}
          items={items}
          onClick={({ key }) => navigate(`/settings/${key}`)}
          data-testid="settings-menu"
        />
      )}
      <div className={styles.body}>
        <Routes>
          <Route index element={<Navigate to={sections[0] ?? 'users'} replace />} />
          <Route path="users" element={<UsersPage />} />
          <Route path="teams" element={<TeamsPage />} />
          <Route path="roles" element={<RolesPage />} />
          <Route path="objects" element={<ObjectsSettingsPage />} />
          <Route path="custom-fields" element={<CustomFieldsPage />} />
          <Route path="layouts" element={<LayoutsSettingsPage />} />
          <Route path="api-tokens" element={<ApiTokensPage />} />
          <Route path="audit-log" element={<AuditLogPage />} />
          <Route path="privacy" element={<ProcessingRecordsPage />} />
          <Route path="privacy-requests/*" element={<PrivacyRequestsRoutes />} />
          <Route path="privacy-retention" element={<RetentionPoliciesPage />} />
          <Route path="general" element={<TenantPage />} />
          <Route path="numbering" element={<NumberingPage />} />
          <Route path="business-hours" element={<BusinessCalendarsPage />} />
          <Route path="lead-forms" element={<LeadFormsPage />} />
          <Route path="lead-rules" element={<LeadRulesPage />} />
          <Route path="lead-scoring" element={<ScoringSettingsPage />} />
          <Route path="lead-assignment" element={<AssignmentSettingsPage />} />
          <Route path="pipelines" element={<PipelinesSettingsPage />} />
          <Route path="exchange-rates" element={<ExchangeRatesPage />} />
          <Route path="webhooks" element={<WebhooksSettingsPage />} />
          <Route path="workflow-rules" element={<WorkflowRulesPage />} />
          <Route path="approval-processes" element={<ApprovalProcessesPage />} />
          <Route path="mail" element={<SmtpSettingsPage />} />
          <Route path="mail-templates" element={<MailTemplatesPage />} />
          <Route path="ticket-queues" element={<TicketQueuesPage />} />
          <Route path="ticket-macros" element={<TicketMacrosPage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </div>
    </div>
  );
}
