import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, List, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Role, settingsApi } from '../settings-api';
import { ROLES_KEY, useRoles } from '../use-settings-data';
import { RoleEditor } from './role-editor';
import { roleDescription, roleLabel } from '#shared/users/role-label';

export function RolesPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const { data = [], isPending } = useRoles();
  const [selectedId, setSelectedId] = useState<string | 'new' | null>(null);
  const selected = selectedId === 'new' ? null : (data.find((r) => r.id === selectedId) ?? data[0] ?? null);
  const remove = (r: Role) =>
    modal.confirm({
      title: t('settings.roles.deleteConfirm', { name: roleLabel(r, t) }),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await settingsApi.roles.remove(r.id);
          await qc.invalidateQueries({ queryKey: ROLES_KEY });
          setSelectedId(null);
        } catch (e) {
          message.error(e instanceof Error ? e.message : String(e));
        }
      },
    });
  return (
    <Row gutter={16}>
      <Col xs={24} lg={6}>
        <Card
          title={t('settings.sections.roles')}
          extra={
            <Button size="small" icon={<PlusOutlined />} onClick={() => setSelectedId('new')}>
              {t('settings.roles.create')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        >
          <List
            loading={isPending}
            dataSource={data}
            renderItem={(r) => (
              <List.Item
                onClick={() => setSelectedId(r.id)}
                style={{
                  cursor: 'pointer',
                  background: selectedId !== 'new' && selected?.id === r.id ? '#eef3ff' : undefined,
                  paddingInline: 8,
                  borderRadius: 6,
                }}
                actions={
                  r.userCount === 0
                    ? [
                        <Button
                          key="d"
                          size="small"
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('common.delete')}
                          onClick={(e) => {
                            e.stopPropagation();
                            remove(r);
                          }}
                        />,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={roleLabel(r, t)}
                  description={
                    <Typography.Text type="secondary">
                      {[roleDescription(r, t), t('settings.roles.users', { count: r.userCount })].filter(Boolean).join(' · ')}
                    </Typography.Text>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={18}>
        <Card title={selectedId === 'new' ? t('settings.roles.create') : selected && roleLabel(selected, t)}>
          {(selected || selectedId === 'new') && <RoleEditor role={selectedId === 'new' ? null : selected} onSaved={(r) => setSelectedId(r.id)} />}
        </Card>
      </Col>
    </Row>
  );
}
