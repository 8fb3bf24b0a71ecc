import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, type ButtonProps, Form, InputNumber, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { holdsApi, type PrivacySettings } from './holds-api';

const KEY = ['privacy', 'settings'] as const;

/** The tenant's answer periods per law and how many days ahead handlers are reminded (requests logged from now on). */
export function DeadlineSettingsModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PrivacySettings>();
  const { data } = useQuery({ queryKey: KEY, queryFn: holdsApi.settings });
  const save = useMutation({
    mutationFn: holdsApi.saveSettings,
    onSuccess: (s) => {
      queryClient.setQueryData(KEY, s);
      message.success(t('deadlines.saved'));
      onClose();
    },
    onError: (e) => message.error(e.message),
  });
  if (!data) return null;
  return (
    <Modal
      open
      title={t('deadlines.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'deadlines-save' } as ButtonProps}
    >
      <Typography.Paragraph type="secondary">{t('deadlines.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={data} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="piplDays" label={t('deadlines.piplDays')} rules={[{ required: true }]}>
          <InputNumber min={1} max={90} addonAfter={t('deadlines.days')} data-testid="deadlines-pipl" />
        </Form.Item>
        <Form.Item name="gdprDays" label={t('deadlines.gdprDays')} rules={[{ required: true }]}>
          <InputNumber min={1} max={90} addonAfter={t('deadlines.days')} data-testid="deadlines-gdpr" />
        </Form.Item>
        <Form.Item name="remindDays" label={t('deadlines.remindDays')} rules={[{ required: true }]}>
          <InputNumber min={1} max={30} addonAfter={t('deadlines.days')} data-testid="deadlines-remind" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
