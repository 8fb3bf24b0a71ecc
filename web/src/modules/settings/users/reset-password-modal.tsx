import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserRow } from '#shared/users/users-api';
import { settingsApi } from '../settings-api';

export function ResetPasswordModal({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async ({ password }: { password: string }) => {
    if (!user) return;
    setBusy(true);
    try {
      await settingsApi.users.resetPassword(user.id, password);
      message.success(t('settings.users.passwordReset'));
      onClose();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={!!user}
      title={t('settings.users.resetPassword', { name: user?.name ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={(v) => void submit(v)}>
        <Form.Item
          name="password"
          label={t('settings.users.newPassword')}
          rules={[{ required: true, min: 8, message: t('settings.users.passwordRule') }]}
          extra={t('settings.users.resetHint')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
