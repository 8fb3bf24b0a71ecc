import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '#shared/format/format';
import { fromPickerValue } from '#shared/format/picker-time';
import '../messages';
import { UserSelect } from '#shared/users/user-select';
import { type AuditEntry, type AuditQuery, settingsApi } from '../settings-api';
import styles from '../settings.module.css';

const OBJECT_TYPES = [
  'contact',
  'company',
  'activity',
  'lead',
  'deal',
  'pipeline',
  'pool',
  'user',
  'team',
  'role',
  'customField',
  'apiToken',
  'savedView',
  'tenant',
  'import',
  'export',
];
const ACTIONS = ['created', 'updated', 'deleted', 'restored', 'revealed', 'exported', 'login', 'revoked', 'password_reset'];

const showValue = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** Who did what, when: filter by object, action, person and time. */
export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const [objectType, setObjectType] = useState<string>();
  const [action, setAction] = useState<string>();
  const [actorId, setActorId] = useState<string | null>(null);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const query: AuditQuery = {
    ...(objectType ? { objectType } : {}),
    ...(action ? { action } : {}),
    ...(actorId ? { actorId } : {}),
    // Whole days on the user's clock, not the browser's.
    ...(range?.[0] ? { from: fromPickerValue(range[0].startOf('day')) } : {}),
    ...(range?.[1] ? { to: fromPickerValue(range[1].endOf('day')) } : {}),
  };
  const q = useInfiniteQuery({
    queryKey: ['audit-log', query],
    queryFn: ({ pageParam }) => settingsApi.audit({ ...query, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = q.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('settings.sections.audit-log')}
      </Typography.Title>
      <div className={styles.toolbar}>
        <Select
          allowClear
          placeholder={t('settings.audit.object')}
          style={{ width: 150 }}
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="audit-object"
          value={objectType}
          onChange={setObjectType}
          options={OBJECT_TYPES.map((o) => ({ value: o, label: t(`settings.objects.${o}`, o) }))}
        />
        <Select
          allowClear
          placeholder={t('settings.audit.action')}
          style={{ width: 130 }}
          value={action}
          onChange={setAction}
          options={ACTIONS.map((a) => ({ value: a, label: t(`settings.audit.actions.${a}`, a) }))}
        />
        <div style={{ width: 180 }}>
          <UserSelect value={actorId} onChange={setActorId} placeholder={t('settings.audit.actor')} />
        </div>
        <DatePicker.RangePicker value={range} onChange={(r) => setRange(r as [Dayjs | null, Dayjs | null] | null)} />
      </div>
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={q.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 800 }}
        expandable={{
          rowExpandable: (r) => Object.keys(r.changes ?? {}).length > 0,
          expandedRowRender: (r) => (
            <ul style={{ margin: 0 }}>
              {Object.entries(r.changes).map(([f, c]) => (
                <li key={f}>
                  <b>{f}</b>: {showValue(c.from)} → {showValue(c.to)}
                </li>
              ))}
            </ul>
          ),
        }}
        columns={[
          { key: 'at', title: t('settings.audit.at'), width: 170, render: (_, r) => formatDateTime(r.at, i18n.language) },
          { key: 'actor', title: t('settings.audit.actor'), render: (_, r) => r.actorName ?? t('timeline.system') },
          { key: 'action', title: t('settings.audit.action'), render: (_, r) => t(`settings.audit.actions.${r.action}`, r.action) },
          {
            key: 'object',
            title: t('settings.audit.object'),
            render: (_, r) => `${t(`settings.objects.${r.objectType}`, r.objectType)} ${r.objectId ? r.objectId.slice(0, 8) : ''}`,
          },
          { key: 'ip', title: 'IP', render: (_, r) => r.ip ?? '—' },
        ]}
      />
      {q.hasNextPage && (
        <Button block style={{ marginTop: 12 }} loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
          {t('list.loadMore')}
        </Button>
      )}
    </Card>
  );
}
