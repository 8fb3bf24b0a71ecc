import { Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Action, Scope } from '#shared/api/types';
import type { Role } from '../settings-api';

export const ROLE_OBJECTS = ['company', 'contact', 'activity'] as const;
export const ROLE_ACTIONS: Action[] = ['read', 'create', 'update', 'delete', 'export', 'import'];
const SCOPES: Scope[] = ['none', 'own', 'team', 'all'];

type Props = { value: Role['permissions']; onChange: (v: Role['permissions']) => void; disabled?: boolean };

export function setScope(perms: Role['permissions'], object: string, action: Action, scope: Scope): Role['permissions'] {
  return { ...perms, [object]: { ...(perms[object] ?? {}), [action]: scope } };
}

/** Object x action grid; each cell picks the scope (none / own / team / all). */
export function PermissionMatrix({ value, onChange, disabled }: Props) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="object"
      scroll={{ x: 720 }}
      dataSource={ROLE_OBJECTS.map((object) => ({ object }))}
      data-testid="permission-matrix"
      columns={[
        { key: 'object', title: t('settings.roles.object'), render: (_, r) => t(`settings.objects.${r.object}`), width: 110, fixed: 'left' },
        ...ROLE_ACTIONS.map((action) => ({
          key: action,
          title: t(`settings.actions.${action}`),
          render: (_: unknown, r: { object: string }) => (
            <Select<Scope>
              size="small"
              disabled={disabled}
              style={{ width: 84 }}
              value={value[r.object]?.[action] ?? 'none'}
              onChange={(scope) => onChange(setScope(value, r.object, action, scope))}
              options={SCOPES.map((s) => ({ value: s, label: t(`settings.scopes.${s}`) }))}
            />
          ),
        })),
      ]}
    />
  );
}
