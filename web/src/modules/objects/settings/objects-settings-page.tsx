import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '#shared/api/problem';
import { CUSTOM_FIELDS_KEY } from '#shared/fields/custom-fields-api';
import { formatDateTime } from '#shared/format/format';
import { pickLabel } from '#shared/format/localized';
import { OBJECTS_KEY } from '#shared/objects/objects-api';
import { customObjectPath } from '../records/custom-object-def';
import { CustomObjectModal } from './custom-object-modal';
import { CUSTOM_OBJECTS_KEY, type CustomObject, customObjectsApi } from './custom-objects-api';
import styles from './objects-settings.module.css';

/** Settings > Objects: the tenant's custom objects; each gets its API, pages and menu entry at once. */
export function ObjectsSettingsPage() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [editing, setEditing] = useState<CustomObject | null | undefined>(undefined);
  const { data = [], isPending } = useQuery({ queryKey: CUSTOM_OBJECTS_KEY, queryFn: customObjectsApi.list });
  // The registry feeds the menu, the routes and the role editor: refresh it with the list.
  const refresh = async () => {
    await Promise.all([qc.invalidateQueries({ queryKey: CUSTOM_OBJECTS_KEY }), qc.invalidateQueries({ queryKey: OBJECTS_KEY })]);
  };
  const remove = (o: CustomObject) =>
    modal.confirm({
      title: t('objects.settings.deleteConfirm', { name: pickLabel(o.label, i18n.language) }),
      content: t('objects.settings.deleteHint'),
      okButtonProps: { danger: true },
      okText: t('common.delete'),
      onOk: async () => {
        try {
          await customObjectsApi.remove(o.id);
          await Promise.all([refresh(), qc.invalidateQueries({ queryKey: CUSTOM_FIELDS_KEY })]);
          message.success(t('objects.settings.deleted'));
        } catch (e) {
          // 409: the object still has records; the server says how many and what to do.
          modal.error({
            title: t('objects.settings.deleteFailed'),
            content: isApiError(e) ? (e.detail ?? e.message) : String(e),
          });
        }
      },
    });
  return (
    <Card>
      <div className={styles.toolbar}>
        <div className={styles.grow}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('objects.settings.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('objects.settings.intro')}</Typography.Text>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="add-custom-object">
          {t('objects.settings.create')}
        </Button>
      </div>
      <Table<CustomObject>
        rowKey="id"
        loading={isPending}
        dataSource={data}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('objects.settings.empty') }}
        data-testid="custom-objects-table"
        columns={[
          {
            key: 'zh',
            title: t('objects.settings.labelZh'),
            render: (_, o) => <Link to={customObjectPath(o.name)}>{o.label.zh}</Link>,
          },
          { key: 'en', title: t('objects.settings.labelEn'), render: (_, o) => o.label.en },
          { key: 'name', title: t('objects.settings.name'), render: (_, o) => <Typography.Text code>{o.name}</Typography.Text> },
          { key: 'createdAt', title: t('fields.createdAt'), render: (_, o) => formatDateTime(o.createdAt, i18n.language) },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, o) => (
              <Space size={0}>
                <Button
                  size="small"
                  type="link"
                  onClick={() => navigate(`/settings/custom-fields?object=${encodeURIComponent(o.name)}`)}
                  data-testid="object-fields"
                >
                  {t('objects.settings.fields')}
                </Button>
                <Button size="small" type="link" onClick={() => setEditing(o)}>
                  {t('common.edit')}
                </Button>
                <Button size="small" type="link" danger onClick={() => remove(o)}>
                  {t('common.delete')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing !== undefined && <CustomObjectModal object={editing} onSaved={refresh} onClose={() => setEditing(undefined)} />}
    </Card>
  );
}
