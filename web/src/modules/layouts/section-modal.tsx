import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '#shared/fields/field-types';

type Props = { open: boolean; initial: LocalizedText | null; onCancel: () => void; onOk: (label: LocalizedText) => void };

/** A section's name in both languages (new section, or rename). */
export function SectionModal({ open, initial, onCancel, onOk }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<LocalizedText>();
  const required = [{ required: true, whitespace: true, message: t('layouts.labelRequired') }];
  return (
    <Modal
      open={open}
      title={initial ? t('layouts.renameSection') : t('layouts.addSection')}
      onCancel={onCancel}
      onOk={() => void form.validateFields().then((v) => onOk({ zh: v.zh.trim(), en: v.en.trim() }))}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={initial ?? { zh: '', en: '' }}>
        <Form.Item name="zh" label={t('layouts.labelZh')} rules={required}>
          <Input maxLength={100} data-testid="section-label-zh" autoFocus />
        </Form.Item>
        <Form.Item name="en" label={t('layouts.labelEn')} rules={required}>
          <Input maxLength={100} data-testid="section-label-en" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
