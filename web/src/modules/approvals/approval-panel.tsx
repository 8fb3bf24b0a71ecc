import { LockOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Collapse, Form, Input, Modal, Select, Space, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { type CSSProperties, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '#shared/format/format';
import { ApprovalActions } from './approval-actions';
import { ApprovalProgress, StatusTag } from './approval-progress';
import { approvalKeys, approvalsApi } from './approvals-api';
import './messages';

type Props = {
  /** The registry name of the record's object (company, deal, or a custom object's name). */
  object: string;
  recordId: string;
  /** After a decision: outcome actions may have changed the record. */
  onChanged?: () => void;
  style?: CSSProperties;
  /**
   * The record's version: when it changes (the user saved it), the card looks again a few times,
   * since a workflow rule may start an approval on that change a moment later.
   */
  recordVersion?: number;
};

/** Rules run from the outbox within seconds of a write: look again soon after it, then stop. */
const LOOK_AGAIN_MS = [1500, 4000, 9000];

/**
 * A record page's approval card, for any object: the pending request (steps, answers, the lock),
 * submit (when a process applies) or recall, approve/reject for its approvers, and past requests.
 * Draws nothing for a record no process applies to and that never had one.
 */
export function ApprovalPanel({ object, recordId, onChanged, style = { marginBottom: 16 }, recordVersion }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [submitting, setSubmitting] = useState(false);
  const [form] = Form.useForm<{ processId: string; comment?: string }>();
  const { data } = useQuery({ queryKey: approvalKeys.record(object, recordId), queryFn: () => approvalsApi.forRecord(object, recordId) });
  const seenVersion = useRef(recordVersion);
  useEffect(() => {
    if (recordVersion === undefined || recordVersion === seenVersion.current) return;
    seenVersion.current = recordVersion;
    const key = approvalKeys.record(object, recordId);
    const timers = LOOK_AGAIN_MS.map((ms) => setTimeout(() => void qc.invalidateQueries({ queryKey: key }), ms));
    return () => {
      for (const timer of timers) clearTimeout(timer);
    };
  }, [recordVersion, object, recordId, qc]);
  if (!data || (!data.pending && data.history.length === 0 && data.processes.length === 0)) return null;
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: approvalKeys.all });
    onChanged?.();
  };
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await approvalsApi.submit({ object, recordId, processId: values.processId, ...(values.comment ? { comment: values.comment } : {}) });
      message.success(t('approvals.submitted'));
      setSubmitting(false);
      refresh();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const past = data.history.filter((r) => r.status !== 'pending');
  return (
    <Card title={t('approvals.panelTitle')} size="small" style={style} data-testid="approval-panel">
      {data.pending ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <StatusTag status="pending" />
            <Typography.Text strong>{data.pending.processName}</Typography.Text>
            <Typography.Text type="secondary">
              {t('approvals.submittedBy', { name: data.pending.submittedByName ?? '', when: formatDateTime(data.pending.submittedAt, i18n.language) })}
            </Typography.Text>
          </Space>
          <Alert
            type="warning"
            showIcon
            icon={<LockOutlined />}
            message={t('approvals.locked')}
            description={t('approvals.lockedHint')}
            data-testid="approval-locked"
          />
          <ApprovalProgress request={data.pending} />
          <ApprovalActions request={data.pending} onDone={refresh} />
        </Space>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {past[0] && (
            <Space wrap data-testid="approval-latest">
              <StatusTag status={past[0].status} />
              <Typography.Text>{past[0].processName}</Typography.Text>
              {past[0].decisionComment && <Typography.Text type="secondary">“{past[0].decisionComment}”</Typography.Text>}
            </Space>
          )}
          {data.processes.length > 0 && (
            <Button
              type="primary"
              onClick={() => {
                form.setFieldsValue({ processId: data.processes[0]?.id });
                setSubmitting(true);
              }}
              data-testid="approval-submit"
            >
              {t('approvals.submit')}
            </Button>
          )}
        </Space>
      )}
      {past.length > 0 && (
        <Collapse
          ghost
          size="small"
          style={{ marginTop: 8 }}
          items={[
            {
              key: 'history',
              label: `${t('approvals.history')} (${past.length})`,
              children: past.map((r) => (
                <div key={r.id} style={{ marginBottom: 12 }}>
                  <Space wrap>
                    <StatusTag status={r.status} />
                    <Typography.Text>{r.processName}</Typography.Text>
                    <Typography.Text type="secondary">{formatDateTime(r.decidedAt ?? r.submittedAt, i18n.language)}</Typography.Text>
                  </Space>
                  <ApprovalProgress request={r} />
                </div>
              )),
            },
          ]}
        />
      )}
      <Modal
        open={submitting}
        title={t('approvals.submitTitle')}
        onOk={() => void submit()}
        onCancel={() => setSubmitting(false)}
        okButtonProps={{ 'data-testid': 'approval-submit-ok' } as ButtonProps}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="processId" label={t('approvals.process')} rules={[{ required: true }]}>
            <Select options={data.processes.map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
          <Form.Item name="comment" label={t('approvals.comment')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
