import { Button, Card, Drawer, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '#shared/format/format';
import { type RecentAssignment, useRecent } from './assignment-api';
import { BandTag } from './band-tag';
import { LeadScoreCard } from './lead-score-card';

/** Who got which lead lately, by which rule; a lead opens its score card (why it scored what it did). */
export function RecentCard() {
  const { t, i18n } = useTranslation();
  const { data = [], isPending } = useRecent();
  const [open, setOpen] = useState<RecentAssignment | null>(null);
  return (
    <Card title={t('assignment.recent')}>
      <Table<RecentAssignment>
        rowKey="id"
        size="small"
        loading={isPending}
        dataSource={data}
        scroll={{ x: 640 }}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('assignment.recentEmpty') }}
        data-testid="recent-assignments"
        columns={[
          {
            title: t('assignment.lead'),
            dataIndex: 'leadName',
            render: (name: string, r) => (
              <Button type="link" size="small" onClick={() => setOpen(r)} data-testid="recent-lead">
                {name}
              </Button>
            ),
          },
          { title: t('scoring.band'), dataIndex: 'scoreBand', render: (b: string | null, r) => (b ? <BandTag band={b} score={r.score} /> : '—') },
          { title: t('assignment.assignee'), dataIndex: 'userName' },
          {
            title: t('assignment.how'),
            key: 'how',
            render: (_, r) => <Tag>{r.ruleName ?? t(`assignment.methods.${r.method}`, { defaultValue: t('assignment.manually') })}</Tag>,
          },
          { title: t('assignment.trigger'), dataIndex: 'trigger', render: (x: string) => t(`assignment.triggers.${x}`) },
          { title: t('assignment.assignedAt'), dataIndex: 'assignedAt', render: (at: string) => formatDateTime(at, i18n.language) },
        ]}
      />
      <Drawer open={!!open} onClose={() => setOpen(null)} title={open?.leadName} width={Math.min(640, window.innerWidth)} destroyOnHidden>
        {open && <LeadScoreCard leadId={open.leadId} />}
      </Drawer>
    </Card>
  );
}
