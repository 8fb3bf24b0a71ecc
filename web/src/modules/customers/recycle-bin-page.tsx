import { UndoOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrmRecord } from '#shared/api/types';
import { formatDateTime } from '#shared/format/format';
import { useMe } from '#shared/auth/session';
import { can } from '#shared/auth/permissions';
import { objectLabel, useObjects } from '#shared/objects/use-objects';
import { recordKeys, recordsApi } from '#shared/records/records-api';
import { companyObject } from './objects/company-object';
import { leadObject } from '#modules/leads';
import { contactObject } from './objects/contact-object';

const DEFS: Record<string, { titleOf: (r: CrmRecord) => string }> = { companies: companyObject, contacts: contactObject, leads: leadObject };
// Custom objects' records are titled by their name.
const NAMED = { titleOf: (r: CrmRecord) => String(r.name ?? '') };

/** Deleted records (companies, contacts, leads, custom objects), restorable until purged. */
export function RecycleBinPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const me = useMe();
  const { objects } = useObjects();
  const [object, setObject] = useState('contacts');
  const def = DEFS[object] ?? NAMED;
  const customTabs = objects
    .filter((o) => o.custom && o.path && o.capabilities.includes('recycleBin') && can(me, o.name, 'delete'))
    .map((o) => ({ key: o.path as string, label: objectLabel(o, i18n.language) }));
  const q = useQuery({ queryKey: [object, 'deleted'], queryFn: () => recordsApi.list(object, { deleted: true, limit: 200 }) });
  const restore = useMutation({
    mutationFn: (id: string) => recordsApi.restore(object, id),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: recordKeys.all(object) });
      message.success(t('recycle.restored'));
    },
    onError: (e) => message.error(e.message),
  });
  return (
    <div>
      <Typography.Title level={3}>{t('nav.recycleBin')}</Typography.Title>
      <Card>
        <Tabs
          activeKey={object}
          onChange={setObject}
          items={[
            { key: 'contacts', label: t('nav.contacts') },
            { key: 'companies', label: t('nav.companies') },
            { key: 'leads', label: t('nav.leads') },
            ...customTabs,
          ]}
        />
        <Table<CrmRecord>
          rowKey="id"
          loading={q.isPending}
          dataSource={q.data?.data ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 560 }}
          locale={{ emptyText: t('recycle.empty') }}
          columns={[
            { key: 'name', title: t('fields.name'), render: (_, r) => def.titleOf(r) },
            { key: 'owner', title: t('fields.owner'), render: (_, r) => r.owner?.name ?? '—' },
            { key: 'deletedAt', title: t('recycle.deletedAt'), render: (_, r) => formatDateTime(r.deletedAt ?? null, i18n.language) },
            {
              key: 'actions',
              title: '',
              width: 120,
              render: (_, r) => (
                <Button size="small" icon={<UndoOutlined />} loading={restore.isPending && restore.variables === r.id} onClick={() => restore.mutate(r.id)}>
                  {t('recycle.restore')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
