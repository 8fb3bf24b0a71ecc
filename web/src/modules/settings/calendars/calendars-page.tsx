import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiItem } from '#shared/api/api-types';
import { api } from '#shared/api/client';
import { CalendarEditor } from './calendar-editor';
import { DAY_KEYS, weekSummary } from './calendar-form.rules';
import './messages';

export type Calendar = ApiItem<'/api/v1/business-calendars'>;
export const CALENDARS_KEY = ['business-calendars'];

/** Settings > Business hours (工作时间): the tenant's calendars; SLAs and approval escalations count their working time. */
export function BusinessCalendarsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: CALENDARS_KEY, queryFn: () => api<{ data: Calendar[] }>('/business-calendars') });
  const [editing, setEditing] = useState<Calendar | 'new'>();
  const days = DAY_KEYS.map((k) => t(`calendars.days.${k}`));
  const done = () => {
    void qc.invalidateQueries({ queryKey: CALENDARS_KEY });
    message.success(t('common.saved'));
  };
  const remove = useMutation({
    mutationFn: (c: Calendar) => api(`/business-calendars/${c.id}`, { method: 'DELETE', ifMatch: c.version }),
    onSuccess: done,
    onError: (e) => message.error(e.message),
  });
  const makeDefault = useMutation({
    mutationFn: ({ id, version, updatedAt: _u, isDefault: _d, ...rest }: Calendar) =>
      api(`/business-calendars/${id}`, { method: 'PUT', ifMatch: version, body: { ...rest, isDefault: true } }),
    onSuccess: done,
    onError: (e) => message.error(e.message),
  });
  return (
    <Card data-testid="calendars-settings">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('settings.sections.business-hours')}
        </Typography.Title>
        <Button type="primary" onClick={() => setEditing('new')} data-testid="calendar-new">
          {t('calendars.new')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{t('calendars.intro')}</Typography.Paragraph>
      {q.isError && <Alert type="error" showIcon title={q.error.message} />}
      <Table<Calendar>
        rowKey="id"
        loading={q.isPending}
        dataSource={q.data?.data ?? []}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('calendars.none') }}
        columns={[
          {
            key: 'name',
            title: t('calendars.name'),
            render: (_, c) => (
              <Space style={{ whiteSpace: 'nowrap' }}>
                <Typography.Link onClick={() => setEditing(c)} data-testid={`calendar-${c.name}`}>
                  {c.name}
                </Typography.Link>
                {c.isDefault && <Tag color="blue">{t('calendars.default')}</Tag>}
              </Space>
            ),
          },
          { key: 'zone', title: t('calendars.timeZone'), dataIndex: 'timeZone' },
          { key: 'hours', title: t('calendars.hours'), render: (_, c) => weekSummary(c.week, days, t('calendars.closed')) },
          { key: 'holidays', title: t('calendars.holidays'), render: (_, c) => t('calendars.count', { count: c.holidays.length }) },
          { key: 'workdays', title: t('calendars.workdays'), render: (_, c) => t('calendars.count', { count: c.workdays.length }) },
          {
            key: 'actions',
            title: '',
            render: (_, c) =>
              c.isDefault ? null : (
                <Space>
                  <Button size="small" onClick={() => makeDefault.mutate(c)} data-testid={`calendar-default-${c.name}`}>
                    {t('calendars.makeDefault')}
                  </Button>
                  <Popconfirm title={t('calendars.deleteConfirm')} onConfirm={() => remove.mutate(c)}>
                    <Button size="small" danger data-testid={`calendar-delete-${c.name}`}>
                      {t('common.delete')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      {editing && (
        <CalendarEditor
          calendar={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            done();
          }}
        />
      )}
    </Card>
  );
}
