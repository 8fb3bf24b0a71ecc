import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, Empty, Segmented, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '#shared/auth/session';
import { formatDateTime } from '#shared/format/format';
import { recordUrl } from '#shared/objects/record-url';
import { objectByName, objectLabel, useObjects } from '#shared/objects/use-objects';
import { ApprovalActions } from './approval-actions';
import { ApprovalProgress, StatusTag } from './approval-progress';
import { approvalKeys, approvalsApi, type Box } from './approvals-api';
import styles from './approvals.module.css';
import './messages';

/** "My approvals": what waits for me (approve/reject with a comment right here), what I submitted, all (admins). Works at phone width. */
export function ApprovalsInboxPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const { objects } = useObjects();
  const [box, setBox] = useState<Box>('inbox');
  const { data, isPending } = useQuery({ queryKey: approvalKeys.box(box), queryFn: () => approvalsApi.list(box) });
  const boxes: Box[] = me.user.isAdmin ? ['inbox', 'submitted', 'all'] : ['inbox', 'submitted'];
  return (
    <div className={styles.inbox}>
      <Typography.Title level={3}>{t('approvals.inboxTitle')}</Typography.Title>
      <Segmented
        block
        value={box}
        onChange={(v) => setBox(v as Box)}
        options={boxes.map((b) => ({ value: b, label: t(`approvals.boxes.${b}`) }))}
        data-testid="approval-boxes"
      />
      {isPending ? (
        <Spin style={{ display: 'block', margin: 32 }} />
      ) : !data?.data.length ? (
        <Empty description={t('approvals.empty')} style={{ marginTop: 32 }} />
      ) : (
        data.data.map((r) => {
          const meta = objectByName(objects, r.object);
          const url = recordUrl(meta, r.recordId);
          return (
            <Card key={r.id} size="small" className={styles.card} data-testid="approval-card">
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <StatusTag status={r.status} />
                  <Typography.Text type="secondary">{objectLabel(meta, i18n.language)}</Typography.Text>
                  {url ? <Link to={url}>{r.recordName ?? r.recordId}</Link> : <Typography.Text>{r.recordName}</Typography.Text>}
                </Space>
                <Typography.Text strong>{r.processName}</Typography.Text>
                <Typography.Text type="secondary">
                  {t('approvals.submittedBy', { name: r.submittedByName ?? '', when: formatDateTime(r.submittedAt, i18n.language) })}
                </Typography.Text>
                {r.submitComment && <Typography.Text italic>“{r.submitComment}”</Typography.Text>}
                <ApprovalProgress request={r} />
                <ApprovalActions request={r} block onDone={() => void qc.invalidateQueries({ queryKey: approvalKeys.all })} />
              </Space>
            </Card>
          );
        })
      )}
    </div>
  );
}
