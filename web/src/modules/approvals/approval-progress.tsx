import { Space, Steps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '#shared/format/format';
import type { ApprovalRequest } from './approvals-api';

const STATUS_COLOR: Record<string, string> = { pending: 'processing', approved: 'success', rejected: 'error', recalled: 'default' };

export function StatusTag({ status }: { status: ApprovalRequest['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="approval-status">
      {t(`approvals.status.${status}`)}
    </Tag>
  );
}

const STEP_STATUS = { waiting: 'wait', pending: 'process', approved: 'finish', rejected: 'error', skipped: 'wait', cancelled: 'wait' } as const;

/** The steps of a request with each approver's answer and comment, as they happened. */
export function ApprovalProgress({ request }: { request: ApprovalRequest }) {
  const { t, i18n } = useTranslation();
  return (
    <Steps
      direction="vertical"
      size="small"
      current={request.stepIndex}
      items={request.steps.map((s, i) => ({
        status: STEP_STATUS[s.state],
        title: (
          <Space size={4} wrap>
            <span>{s.name}</span>
            <Tag>{t(`approvals.stepState.${s.state}`)}</Tag>
            {s.state === 'pending' && <Typography.Text type="secondary">{t(`approvals.mode.${s.mode}`)}</Typography.Text>}
          </Space>
        ),
        description: (
          <div data-testid={`approval-step-${i}`}>
            {request.tasks
              .filter((task) => task.stepIndex === i)
              .map((task) => (
                <div key={task.id}>
                  <Typography.Text strong>{task.approverName}</Typography.Text>{' '}
                  {task.delegatedFromName && (
                    <Typography.Text type="secondary">({t('approvals.delegatedFrom', { name: task.delegatedFromName })}) </Typography.Text>
                  )}
                  <Tag>{t(`approvals.taskStatus.${task.status}`)}</Tag>
                  {task.decidedAt && <Typography.Text type="secondary">{formatDateTime(task.decidedAt, i18n.language)}</Typography.Text>}
                  {task.comment && <div className="approval-comment">“{task.comment}”</div>}
                </div>
              ))}
          </div>
        ),
      }))}
    />
  );
}
