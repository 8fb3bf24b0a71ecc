import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activitiesApi } from '#modules/activities';
import { api } from '#shared/api/client';
import type { ListResponse } from '#shared/api/types';
import { formatDateTime } from '#shared/format/format';
import type { Deal } from '../deals-api';

type Item = {
  id: string;
  type: string;
  subject: string;
  body: string | null;
  occurredAt: string;
  dueAt: string | null;
  doneAt: string | null;
  owner: { name: string } | null;
};
const COLORS: Record<string, string> = { note: 'default', call: 'blue', meeting: 'purple', email: 'cyan', task: 'orange' };

/** The deal's activities, newest first, with a quick note box. */
export function DealActivities({ deal }: { deal: Deal }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [note, setNote] = useState('');
  const key = ['deals', 'activities', deal.id];
  const list = useQuery({
    queryKey: key,
    queryFn: () => api<ListResponse<Item>>('/activities', { query: { filter: JSON.stringify({ dealId: { eq: deal.id } }), sort: '-occurredAt', limit: 50 } }),
  });
  const log = async () => {
    try {
      await activitiesApi.create({ type: 'note', subject: note.trim().slice(0, 300), dealId: deal.id } as never);
      setNote('');
      message.success(t('deals.detail.logged'));
      await qc.invalidateQueries({ queryKey: key });
      await qc.invalidateQueries({ queryKey: ['deals', 'one', deal.id] });
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <div data-testid="deal-activities">
      <Space.Compact block style={{ marginBottom: 12 }}>
        <Input
          placeholder={t('deals.detail.notePlaceholder')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          onPressEnter={() => note.trim() && void log()}
        />
        <Button type="primary" disabled={!note.trim()} onClick={() => void log()}>
          {t('deals.detail.addNote')}
        </Button>
      </Space.Compact>
      {list.data?.data.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deals.detail.noActivities')} />}
      <List
        loading={list.isPending}
        dataSource={list.data?.data ?? []}
        renderItem={(a) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space wrap>
                  <Tag color={COLORS[a.type]}>{t(`activities.types.${a.type}`, { defaultValue: a.type })}</Tag>
                  <span style={a.doneAt ? { textDecoration: 'line-through' } : undefined}>{a.subject}</span>
                </Space>
              }
              description={
                <Typography.Text type="secondary">
                  {formatDateTime(a.type === 'task' ? (a.dueAt ?? a.occurredAt) : a.occurredAt, i18n.language)} · {a.owner?.name}
                  {a.body ? ` · ${a.body}` : ''}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </div>
  );
}
