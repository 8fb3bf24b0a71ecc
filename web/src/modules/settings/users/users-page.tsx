import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '#shared/format/format';
import { USERS_KEY, type UserRow, useUsers } from '#shared/users/users-api';
import '../messages';
import { settingsApi } from '../settings-api';
import styles from '../settings.module.css';
import { useRoles, useTeams } from '../use-settings-data';
import { ResetPasswordModal } from './reset-password-modal';
import { UserFormModal } from './user-form-modal';
import { roleLabel } from '#shared/users/role-label';

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const { data = [], isPending } = useUsers();
  const { data: teams = [] } = useTeams();
  const { data: roles = [] } = useRoles();
  const [editing, setEditing] = useState<UserRow | null | undefined>(undefined);
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const setActive = async (u: UserRow) => {
    try {
      await settingsApi.users.setActive(u.id, u.isActive === false);
      await qc.invalidateQueries({ queryKey: USERS_KEY });
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  // Deactivating ends the user's sessions at once: ask first. Re-activating needs no warning.
  const toggle = async (u: UserRow) => {
    if (u.isActive === false) return setActive(u);
    modal.confirm({ title: t('userAdmin.deactivateConfirm', { name: u.name }), okButtonProps: { danger: true }, onOk: () => setActive(u) });
  };
  return (
    <Card>
      <div className={styles.toolbar}>
        <Typography.Title level={4} className={styles.grow} style={{ margin: 0 }}>
          {t('settings.sections.users')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="add-user">
          {t('settings.users.create')}
        </Button>
      </div>
      <Table<UserRow>
        rowKey="id"
        loading={isPending}
        dataSource={data}
        scroll={{ x: 800 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          {
            key: 'name',
            title: t('settings.users.name'),
            render: (_, u) => (
              <>
                <div>{u.name}</div>
                <Typography.Text type="secondary">{u.email}</Typography.Text>
              </>
            ),
          },
          { key: 'team', title: t('settings.users.team'), render: (_, u) => teams.find((x) => x.id === u.teamId)?.name ?? '—' },
          {
            key: 'roles',
            title: t('settings.users.roles'),
            render: (_, u) =>
              (u.roleIds ?? []).map((id) => {
                const role = roles.find((r) => r.id === id);
                return <Tag key={id}>{role ? roleLabel(role, t) : id}</Tag>;
              }),
          },
          {
            key: 'status',
            title: t('settings.users.status'),
            render: (_, u) => (
              <Badge
                status={u.isActive === false ? 'default' : 'success'}
                text={t(u.isActive === false ? 'settings.users.inactive' : 'settings.users.active')}
              />
            ),
          },
          { key: 'last', title: t('settings.users.lastLogin'), render: (_, u) => formatDateTime(u.lastLoginAt, i18n.language) || '—' },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, u) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setEditing(u)}>
                  {t('common.edit')}
                </Button>
                <Button type="link" size="small" onClick={() => setResetting(u)}>
                  {t('settings.users.resetPasswordShort')}
                </Button>
                <Button type="link" size="small" danger={u.isActive !== false} onClick={() => void toggle(u)}>
                  {t(u.isActive === false ? 'settings.users.activate' : 'settings.users.deactivate')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing !== undefined && <UserFormModal user={editing} open onClose={() => setEditing(undefined)} />}
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </Card>
  );
}
