import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useMe } from '#app/auth/auth-context';
import { NotFound } from '#app/not-found';
import { AssignmentSettingsPage } from '#modules/scoring/assignment-settings-page';
import { ExchangeRatesPage } from '#modules/deals/settings/exchange-rates-page';
import { PipelinesSettingsPage } from '#modules/deals/settings/pipelines-settings-page';
import { ScoringSettingsPage } from '#modules/scoring/scoring-settings-page';
import { LeadFormsPage } from '#modules/leads/lead-forms-page';
import { LeadRulesPage } from '#modules/leads/lead-rules-page';
import { LayoutsSettingsPage } from '#modules/layouts';
import { ObjectsSettingsPage } from '#modules/objects';
import { ApiTokensPage } from './api-tokens/api-tokens-page';
import { AuditLogPage } from './audit/audit-log-page';
import { CustomFieldsPage } from './custom-fields/custom-fields-page';
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
  'general',
  'lead-forms',
  'lead-rules',
  'lead-scoring',
  'lead-assignment',
  'pipelines',
  'exchange-rates',
] as const;

export function SettingsRoutes() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const section = useLocation().pathname.split('/')[2] ?? 'users';
  if (!me.user.isAdmin) return <NotFound />;
  return (
    <div className={styles.layout}>
      <Menu
        className={styles.menu}
        style={{ borderInlineEnd: 'none' }}
        mode="inline"
        selectedKeys={[section]}
        items={SECTIONS.map((s) => ({ key: s, label: t(`settings.sections.${s}`) }))}
        onClick={({ key }) => navigate(`/settings/${key}`)}
        data-testid="settings-menu"
      />
      <div className={styles.body}>
        <Routes>
          <Route index element={<Navigate to="users" replace />} />
          <Route path="users" element={<UsersPage />} />
          <Route path="teams" element={<TeamsPage />} />
          <Route path="roles" element={<RolesPage />} />
          <Route path="objects" element={<ObjectsSettingsPage />} />
          <Route path="custom-fields" element={<CustomFieldsPage />} />
          <Route path="layouts" element={<LayoutsSettingsPage />} />
          <Route path="api-tokens" element={<ApiTokensPage />} />
          <Route path="audit-log" element={<AuditLogPage />} />
          <Route path="general" element={<TenantPage />} />
          <Route path="lead-forms" element={<LeadFormsPage />} />
          <Route path="lead-rules" element={<LeadRulesPage />} />
          <Route path="lead-scoring" element={<ScoringSettingsPage />} />
          <Route path="lead-assignment" element={<AssignmentSettingsPage />} />
          <Route path="pipelines" element={<PipelinesSettingsPage />} />
          <Route path="exchange-rates" element={<ExchangeRatesPage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </div>
    </div>
  );
}
