import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Pool, poolApi } from './pool-api';
import { usePoolObjects } from './pool-objects';

type Props = { customer: { object: string; id: string; name: string }; pools: Pool[]; onClose: (done: boolean) => void };

/**
 * 退回: give a customer (a company, or an individual contact) back to the pool, with a reason
 * (required) and optionally another visible pool of the same object.
 */
export function ReturnDialog({ customer, pools, onClose }: Props) {
  const { t } = useTranslation();
  const objects = usePoolObjects();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const [poolId, setPoolId] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setSaving(true);
    try {
      await poolApi.returnToPool(objects.pathOf(customer.object), customer.id, reason, poolId);
      message.success(t('pool.returned', { name: customer.name }));
      onClose(true);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t('pool.returnTitle', { name: customer.name })}
      onCancel={() => onClose(false)}
      onOk={() => void save()}
      okText={t('pool.return')}
      okButtonProps={{ disabled: !reason.trim(), loading: saving, danger: true }}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('pool.returnReasonLabel')} required validateStatus={error ? 'error' : undefined} help={error}>
          <Input.TextArea autoFocus rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="return-reason" />
        </Form.Item>
        <Form.Item label={t('pool.returnPool')}>
          <Select
            allowClear
            placeholder={t('pool.returnPoolDefault')}
            value={poolId}
            onChange={setPoolId}
            options={pools.filter((p) => p.object === customer.object).map((p) => ({ value: p.id, label: p.name }))}
            data-testid="return-pool"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
