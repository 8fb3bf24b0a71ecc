import { App, Button, Form, Input, Modal, Space } from 'antd';
import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserSelect } from '#shared/users/user-select';
import { type ApprovalRequest, approvalsApi } from './approvals-api';

type Action = 'approve' | 'reject' | 'recall' | 'reassign';

/** Approve / reject (with a comment, required to reject) / hand on for an approver, recall for the submitter. */
export function ApprovalActions({ request, onDone, block }: { request: ApprovalRequest; onDone: () => void; block?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [action, setAction] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ comment?: string; userId?: string }>();
  if (request.status !== 'pending' || (!request.mine.canDecide && !request.mine.canRecall)) return null;
  const open = (a: Action) => {
    form.resetFields();
    setAction(a);
  };
  const run = async () => {
    const { comment, userId } = await form.validateFields();
    setBusy(true);
    try {
      if (action === 'approve') await approvalsApi.approve(request.id, comment);
      if (action === 'reject') await approvalsApi.reject(request.id, comment ?? '');
      if (action === 'recall') await approvalsApi.recall(request.id, comment);
      if (action === 'reassign') await approvalsApi.reassign(request.id, userId ?? '', comment);
      message.success(
        t(`approvals.${action === 'approve' ? 'approvedMsg' : action === 'reject' ? 'rejectedMsg' : action === 'recall' ? 'recalledMsg' : 'reassignedMsg'}`),
      );
      setAction(null);
      onDone();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const style = block ? { flex: 1 } : undefined;
  return (
    <>
      <Space wrap style={block ? { display: 'flex', width: '100%' } : undefined}>
        {request.mine.canDecide && (
          <>
            <Button type="primary" style={style} onClick={() => open('approve')} data-testid="approval-approve">
              {t('approvals.approve')}
            </Button>
            <Button danger style={style} onClick={() => open('reject')} data-testid="approval-reject">
              {t('approvals.reject')}
            </Button>
            <Button style={style} onClick={() => open('reassign')} data-testid="approval-reassign">
              {t('approvals.reassign')}
            </Button>
          </>
        )}
        {request.mine.canRecall && (
          <Button style={style} onClick={() => open('recall')} data-testid="approval-recall">
            {t('approvals.recall')}
          </Button>
        )}
      </Space>
      <Modal
        open={action !== null}
        title={action ? t(`approvals.${action}`) : ''}
        okText={action ? t(`approvals.${action}`) : ''}
        okButtonProps={{ danger: action === 'reject', loading: busy, 'data-testid': 'approval-confirm' } as ButtonProps}
        onOk={() => void run()}
        onCancel={() => setAction(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          {action === 'reassign' && (
            <Form.Item name="userId" label={t('approvals.reassignTo')} rules={[{ required: true }]}>
              <UserSelect />
            </Form.Item>
          )}
          <Form.Item
            name="comment"
            label={t('approvals.comment')}
            rules={action === 'reject' ? [{ required: true, whitespace: true, message: t('approvals.commentRequired') }] : []}
          >
            <Input.TextArea rows={3} maxLength={2000} data-testid="approval-comment" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
