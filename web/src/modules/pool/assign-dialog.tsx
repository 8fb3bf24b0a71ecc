import { App, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserSelect } from '#shared/users/user-select';
import { type Pool, type PoolCustomer, poolApi } from './pool-api';

type Props = { pool: Pool; customer: PoolCustomer; onClose: (done: boolean) => void };

/** 分配: a manager picks who gets the customer; the server checks the team scope and the pool's limits. */
export function AssignDialog({ pool, customer, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [userId, setUserId] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    if (!userId) return;
    setSaving(true);
    try {
      await poolApi.assign(pool.id, customer.id, userId);
      message.success(t('pool.assigned', { name: customer.name }));
      onClose(true);
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t('pool.assignTitle', { name: customer.name })}
      onCancel={() => onClose(false)}
      onOk={() => void save()}
      okText={t('pool.assign')}
      okButtonProps={{ disabled: !userId, loading: saving }}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('pool.assignTo')}>
          <UserSelect value={userId} onChange={setUserId} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
