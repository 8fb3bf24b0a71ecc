import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '#shared/format/format';
import { UserSelect } from '#shared/users/user-select';
import { ASSIGNMENT_KEY, assignmentApi, type QueueEntry, useQueue } from './assignment-api';
import { BandTag } from './band-tag';

/** The fallback queue: leads no rule could place, with why; run the rules again or pick a user. */
export function QueueCard() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data = [], isPending } = useQueue();
  const [picked, setPicked] = useState<Record<string, string | null>>({});
  const assign = async (leadId: string, userId?: string) => {
    try {
      const r = await assignmentApi.assign(leadId, userId);
      message.info(t(`assignment.outcome.${r.outcome}`));
      await qc.invalidateQueries({ queryKey: ASSIGNMENT_KEY });
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Card title={t('assignment.queue', { count: data.length })}>
      <Table<QueueEntry>
        rowKey="leadId"
        size="small"
        loading={isPending}
        dataSource={data}
        scroll={{ x: 720 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('assignment.queueEmpty') }}
        columns={[
          { title: t('assignment.lead'), dataIndex: 'name', render: (name: string, r) => <a href={`/leads/${r.leadId}`}>{name}</a> },
          { title: t('scoring.fields.region'), dataIndex: 'region' },
          { title: t('scoring.fields.source'), dataIndex: 'source' },
          { title: t('scoring.band'), dataIndex: 'scoreBand', render: (b: string | null, r) => (b ? <BandTag band={b} score={r.score} /> : '—') },
          { title: t('assignment.reason'), dataIndex: 'reason', render: (reason: string) => <Tag>{t(`assignment.reasons.${reason}`)}</Tag> },
          { title: t('assignment.queuedAt'), dataIndex: 'queuedAt', render: (at: string) => formatDateTime(at, i18n.language) },
          {
            title: '',
            key: 'actions',
            render: (_, r) => (
              <Space wrap>
                <Button size="small" onClick={() => void assign(r.leadId)}>
                  {t('assignment.runRules')}
                </Button>
                <div style={{ width: 140 }}>
                  <UserSelect value={picked[r.leadId] ?? null} onChange={(u) => setPicked({ ...picked, [r.leadId]: u })} placeholder={t('assignment.user')} />
                </div>
                <Button size="small" type="primary" disabled={!picked[r.leadId]} onClick={() => void assign(r.leadId, picked[r.leadId] ?? undefined)}>
                  {t('assignment.assign')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
