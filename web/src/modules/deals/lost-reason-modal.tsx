import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LOST_REASONS, type LostReason } from './deals-api';

export type LostAnswer = { lostReason: LostReason; lostNote?: string };
type Props = { open: boolean; onOk: (answer: LostAnswer) => void; onCancel: () => void; confirming?: boolean };

/** Asks why a deal was lost before it moves to a lost stage; "other" needs a note. */
export function LostReasonModal({ open, onOk, onCancel, confirming }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<LostAnswer>();
  const reason = Form.useWatch('lostReason', form);
  return (
    <Modal
      open={open}
      title={t('deals.lostModal.title')}
      okText={t('deals.lostModal.ok')}
      okButtonProps={{ danger: true, loading: !!confirming, ...({ 'data-testid': 'lost-ok' } as object) }}
      onOk={() => void form.validateFields().then((v) => onOk({ lostReason: v.lostReason, ...(v.lostNote?.trim() ? { lostNote: v.lostNote.trim() } : {}) }))}
      onCancel={onCancel}
      afterClose={() => form.resetFields()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="lost-form">
        <Form.Item name="lostReason" label={t('deals.fields.lostReason')} rules={[{ required: true, message: t('deals.lostModal.reasonRequired') }]}>
          <Select data-testid="lost-reason" options={LOST_REASONS.map((r) => ({ value: r, label: t(`deals.lostReasons.${r}`) }))} />
        </Form.Item>
        <Form.Item
          name="lostNote"
          label={t('deals.fields.lostNote')}
          rules={[{ required: reason === 'other', whitespace: true, message: t('deals.lostModal.notePlaceholder') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('deals.lostModal.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
