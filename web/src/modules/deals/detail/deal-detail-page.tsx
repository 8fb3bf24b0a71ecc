import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Drawer, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useMe } from '#shared/auth/session';
import { can, canOnRecord } from '#shared/auth/permissions';
import { ApprovalPanel, useApprovalLock } from '#modules/approvals';
import { RecordMail } from '#modules/mail';
import { RelatedObjectLists } from '#modules/objects';
import { RelatedContracts } from '#modules/contracts';
import { RelatedOrders } from '#modules/orders';
import { RelatedQuotes } from '#modules/quotes';
import { PageSpinner } from '#shared/ui/page-spinner';
import { DealForm } from '../deal-form';
import { dealKeys, dealsApi, type LostReason, nameOf } from '../deals-api';
import styles from '../deals.module.css';
import { LostReasonModal } from '../lost-reason-modal';
import { usePipelines } from '../use-pipelines';
import { DealActivities } from './deal-activities';
import { DealFacts } from './deal-facts';
import { StageHistory } from './stage-history';
import { StageProgress } from './stage-progress';

const STATUS_COLOR = { open: 'blue', won: 'green', lost: 'red' } as const;

/** One deal: stage progress, key facts, stage history with time in stage, and its activities. */
export function DealDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const deal = useQuery({ queryKey: dealKeys.one(id), queryFn: () => dealsApi.get(id) });
  const pipelines = usePipelines();
  const [editing, setEditing] = useState(false);
  const [lostTarget, setLostTarget] = useState<string | null>(null);
  // A pending approval locks the deal for everyone but admins and its approvers.
  const locked = useApprovalLock('deal', id);
  if (deal.isPending || pipelines.isPending) return <PageSpinner />;
  if (deal.isError) return <Alert type="error" message={deal.error.message} />;
  const d = deal.data;
  const pipeline = pipelines.data?.find((p) => p.id === d.pipelineId);
  const mayEdit = canOnRecord(me, 'deal', 'update', d.ownerId) && !locked;
  const refresh = () => qc.invalidateQueries({ queryKey: dealKeys.all });

  const move = async (stageId: string, lost?: { lostReason: LostReason; lostNote?: string }) => {
    const stage = pipeline?.stages.find((s) => s.id === stageId);
    if (stage?.type === 'lost' && !lost) {
      setLostTarget(stageId);
      return;
    }
    try {
      await dealsApi.move(d.id, { stageId, ...lost });
      message.success(t('deals.moved', { stage: nameOf(stage?.name, i18n.language) }));
      await refresh();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const won = pipeline?.stages.find((s) => s.type === 'won');
  const lost = pipeline?.stages.find((s) => s.type === 'lost');

  return (
    <div data-testid="deal-detail">
      <div className={styles.header}>
        <Typography.Title level={3} className={styles.title}>
          {d.name} <Tag color={STATUS_COLOR[d.status]}>{t(`deals.status.${d.status}`)}</Tag>
          {d.isOverdue && <Tag color="red">{t('deals.overdue')}</Tag>}
        </Typography.Title>
        {mayEdit && !pipeline?.closed && d.status === 'open' && (
          <Space>
            {won && (
              <Button type="primary" style={{ background: '#52c41a' }} onClick={() => void move(won.id)} data-testid="mark-won">
                {t('deals.detail.markWon')}
              </Button>
            )}
            {lost && (
              <Button danger onClick={() => void move(lost.id)} data-testid="mark-lost">
                {t('deals.detail.markLost')}
              </Button>
            )}
          </Space>
        )}
        {mayEdit && (
          <Button onClick={() => setEditing(true)} data-testid="deal-edit">
            {t('deals.detail.edit')}
          </Button>
        )}
        {canOnRecord(me, 'deal', 'delete', d.ownerId) && (
          <Popconfirm
            title={t('deals.detail.deleteConfirm')}
            onConfirm={async () => {
              await dealsApi.remove(d.id);
              message.success(t('deals.deleted'));
              await refresh();
              navigate('/deals');
            }}
          >
            <Button danger type="text">
              {t('deals.detail.delete')}
            </Button>
          </Popconfirm>
        )}
      </div>
      {pipeline && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <StageProgress deal={d} pipeline={pipeline} disabled={!mayEdit || pipeline.closed} onPick={(s) => void move(s)} />
        </Card>
      )}
      <div className={styles.grid}>
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <ApprovalPanel object="deal" recordId={d.id} recordVersion={d.version} onChanged={() => void deal.refetch()} style={{}} />
          <RecordMail object="deal" recordId={d.id} style={{}} />
          <Card title={t('deals.detail.facts')} size="small">
            <DealFacts deal={d} pipeline={pipeline} />
          </Card>
          <Card title={t('nav.quotes')} size="small">
            <RelatedQuotes field="dealId" id={d.id} />
          </Card>
          {can(me, 'order', 'read') && (
            <Card title={t('nav.orders')} size="small">
              <RelatedOrders field="dealId" id={d.id} />
            </Card>
          )}
          {can(me, 'contract', 'read') && (
            <Card title={t('nav.contracts', { defaultValue: '合同' })} size="small">
              <RelatedContracts field="dealId" id={d.id} />
            </Card>
          )}
          <Card title={t('deals.detail.history')} size="small">
            <StageHistory deal={d} pipelines={pipelines.data ?? []} />
          </Card>
          <RelatedObjectLists object="deal" id={d.id} />
        </Space>
        <Card title={t('deals.detail.activities')} size="small">
          <DealActivities deal={d} />
        </Card>
      </div>
      <Drawer open={editing} onClose={() => setEditing(false)} title={t('deals.detail.edit')} size="large" destroyOnHidden>
        <DealForm
          deal={d}
          pipelines={pipelines.data ?? []}
          submitLabel={t('common.save')}
          onCancel={() => setEditing(false)}
          onSubmit={async (body) => {
            await dealsApi.update(d.id, body, d.version);
            message.success(t('deals.saved'));
            setEditing(false);
            await refresh();
          }}
        />
      </Drawer>
      <LostReasonModal
        open={!!lostTarget}
        onCancel={() => setLostTarget(null)}
        onOk={(answer) => {
          const target = lostTarget;
          setLostTarget(null);
          if (target) void move(target, answer);
        }}
      />
    </div>
  );
}
