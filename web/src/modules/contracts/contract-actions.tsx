import { Button, Form, Input, Modal, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Contract, contractsApi } from './contracts-api';
import { DATE, localToday } from './payment-form';
import { fail } from './related-part-tab';

type Props = { contract: Contract; onDone: () => void };

/**
 * Sign (a draft, or correct a signed contract's signing date) and terminate (signed or active, with
 * a reason). The server applies the status rules and approvals: a draft under an approval process
 * goes to approval first and is signed on the chosen day once approved.
 */
export function ContractActions({ contract, onDone }: Props) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'sign' | 'terminate' | null>(null);
  const [form] = Form.useForm<{ signedOn?: string; reason?: string }>();
  const canSign = contract.status === 'draft' || contract.status === 'signed';
  const canTerminate = contract.status === 'signed' || contract.status === 'active';
  const run = async (v: { signedOn?: string; reason?: string }) => {
    try {
      if (dialog === 'sign') {
        const after = await contractsApi.sign(contract.id, v.signedOn ?? localToday());
        if (after.status === 'in_approval') void message.info(t('contracts.sign.sentForApproval'));
      } else await contractsApi.terminate(contract.id, v.reason ?? '');
      setDialog(null);
      onDone();
    } catch (e) {
      fail(e);
    }
  };
  return (
    <>
      {canSign && (
        <Button type={contract.status === 'draft' ? 'default' : 'link'} onClick={() => setDialog('sign')} data-testid="contract-sign">
          {t(contract.status === 'draft' ? 'contracts.actions.sign' : 'contracts.actions.correctSignedOn')}
        </Button>
      )}
      {canTerminate && (
        <Button danger onClick={() => setDialog('terminate')} data-testid="contract-terminate">
          {t('contracts.actions.terminate')}
        </Button>
      )}
      <Modal
        open={dialog !== null}
        title={t(dialog === 'terminate' ? 'contracts.terminate.title' : 'contracts.sign.title')}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        okText={t(dialog === 'terminate' ? 'contracts.actions.terminate' : 'contracts.actions.sign')}
        okButtonProps={{ danger: dialog === 'terminate', ...({ 'data-testid': 'contract-action-ok' } as object) }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void run(v)} initialValues={{ signedOn: contract.signedOn ?? localToday() }}>
          {dialog === 'sign' ? (
            <Form.Item
              name="signedOn"
              label={t('contracts.fields.signedOn')}
              rules={[{ required: true, pattern: DATE, message: t('contracts.planEditor.dateHint') }]}
            >
              <Input style={{ width: 160 }} data-testid="contract-signed-on" />
            </Form.Item>
          ) : (
            <Form.Item
              name="reason"
              label={t('contracts.terminate.reason')}
              rules={[{ required: true, whitespace: true, message: t('contracts.terminate.reasonRequired') }]}
            >
              <Input.TextArea rows={3} maxLength={500} showCount data-testid="contract-terminate-reason" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
