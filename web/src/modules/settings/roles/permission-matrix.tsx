import { Select, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action, Scope } from '#shared/api/types';
import type { ObjectMeta } from '#shared/objects/objects-api';
import { objectLabel, useObjects } from '#shared/objects/use-objects';
import type { Role } from '../settings-api';
import { matrixObjects } from './role-rows';

export const ROLE_ACTIONS: Action[] = ['read', 'create', 'update', 'delete', 'export', 'import'];
const SCOPES: Scope[] = ['none', 'own', 'team', 'all'];

type Props = { value: Role['permissions']; onChange: (v: Role['permissions']) => void; admin?: boolean };

export function setScope(perms: Role['permissions'], object: string, action: Action, scope: Scope): Role['permissions'] {
  return { ...perms, [object]: { ...(perms[object] ?? {}), [action]: scope } };
}

/**
 * Object x action grid from the registry; each cell picks the scope (none / own / team / all).
 * An object only offers its own actions; an administrator role reads "All" everywhere.
 */
export function PermissionMatrix({ value, onChange, admin }: Props) {
  const { t, i18n } = useTranslation();
  const { objects, loading } = useObjects();
  const cell = (o: ObjectMeta, action: Action) => {
    if (!o.actions.includes(action)) return <Typography.Text type="secondary">—</Typography.Text>;
    const testId = `perm-${o.name}-${action}`;
    if (admin)
      return (
        <Tag color="green" data-testid={testId}>
          {t('settings.scopes.all')}
        </Tag>
      );
    return (
      <Select<Scope>
        size="small"
        data-testid={testId}
        aria-label={`${objectLabel(o, i18n.language)} ${t(`settings.actions.${action}`)}`}
        style={{ width: 96 }}
        value={value[o.name]?.[action] ?? 'none'}
        onChange={(scope) => onChange(setScope(value, o.name, action, scope))}
        options={SCOPES.map((s) => ({ value: s, label: t(`settings.scopes.${s}`) }))}
      />
    );
  };
  return (
    <Table<ObjectMeta>
      size="small"
      pagination={false}
      loading={loading}
      rowKey="name"
      // An admin's cells are short tags that fit; the scope pickers need to scroll on narrow screens.
      scroll={admin ? undefined : { x: 760 }}
      dataSource={matrixObjects(objects)}
      data-testid="permission-matrix"
      onRow={(o) => ({ 'data-object': o.name }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          key: 'object',
          title: t('settings.roles.object'),
          width: 150,
          fixed: 'left',
          render: (_, o) => (
            <span>
              {objectLabel(o, i18n.language)}
              {o.custom && (
                <Tag bordered={false} style={{ marginInlineStart: 6 }}>
                  {t('settings.roles.customObject')}
                </Tag>
              )}
            </span>
          ),
        },
        ...ROLE_ACTIONS.map((action) => ({
          key: action,
          title: t(`settings.actions.${action}`),
          render: (_: unknown, o: ObjectMeta) => cell(o, action),
        })),
      ]}
    />
  );
}
