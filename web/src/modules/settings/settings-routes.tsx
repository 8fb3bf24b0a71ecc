import { Grid, Menu, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { can } from '#shared/auth/permissions';
import { useMe } from '#shared/auth/session';
import { SETTINGS_GROUPS, type SettingsSection } from '#shared/settings/settings-section';
import { NotFound } from '#app/not-found';
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

/** Settings' own sections; the features' come in through `sections` (app/settings-page.tsx). */
const OWN: SettingsSection[] = [
  { key: 'users', group: 'organization', page: UsersPage },
  { key: 'teams', group: 'organization', page: TeamsPage },
  { key: 'roles', group: 'organization', page: RolesPage },
  { key: 'api-tokens', group: 'organization', page: ApiTokensPage },
  { key: 'audit-log', group: 'organization', page: AuditLogPage },
  { key: 'general', group: 'customization', page: TenantPage },
  { key: 'custom-fields', group: 'customization', page: CustomFieldsPage },
  { key: 'numbering', group: 'customization', page: NumberingPage },
  { key: 'business-hours', group: 'customization', page: BusinessCalendarsPage },
];

/**
 * Settings: its sections grouped (organization, customization, sales, service, automation, privacy)
 * in a list beside the page, or one select above it on a phone. Administrators see every section;
 * users with the `automation` permission see the sections marked for them.
 */
export function SettingsRoutes({ sections: theirs = [] }: { sections?: readonly SettingsSection[] }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const asked = useLocation().pathname.split('/')[2];
  const all = [...OWN, ...theirs].sort((a, b) => SETTINGS_GROUPS.indexOf(a.group) - SETTINGS_GROUPS.indexOf(b.group));
  const sections = me.user.isAdmin ? all : all.filter((s) => s.access === 'automation' && can(me, 'automation', 'read'));
  const keys = sections.map((s) => s.key);
  const section = asked ?? keys[0] ?? 'users';
  // On a phone the section list is one select above the content, not a long menu pushing it off screen.
  const phone = Grid.useBreakpoint().md === false;
  const groups = SETTINGS_GROUPS.flatMap((group) => {
    const members = sections.filter((s) => s.group === group).map((s) => ({ key: s.key, label: t(`settings.sections.${s.key}`) }));
    return members.length ? [{ group, label: t(`settings.groups.${group}`), members }] : [];
  });
  if (sections.length === 0 || (asked && !keys.includes(asked))) return <NotFound />;
  return (
    <div className={styles.layout}>
      {phone ? (
        <Select
          style={{ width: '100%' }}
          value={section}
          options={groups.map((g) => ({ label: g.label, options: g.members.map((m) => ({ value: m.key, label: m.label })) }))}
          onChange={(key: string) => navigate(`/settings/${key}`)}
          data-testid="settings-section-select"
        />
      ) : (
        <Menu
          className={styles.menu}
          style={{ borderInlineEnd: 'none' }}
          mode="inline"
          selectedKeys={[section]}
          items={groups.map((g) => ({ type: 'group' as const, key: `group-${g.group}`, label: g.label, children: g.members }))}
          onClick={({ key }) => navigate(`/settings/${key}`)}
          data-testid="settings-menu"
        />
      )}
      <div className={styles.body}>
        <Routes>
          <Route index element={<Navigate to={keys[0] ?? 'users'} replace />} />
          {sections.map((s) => (
            <Route key={s.key} path={s.path ?? s.key} element={<s.page />} />
          ))}
          <Route path="*" element={<NotFound />} />
        </Routes>
      </div>
    </div>
  );
}
