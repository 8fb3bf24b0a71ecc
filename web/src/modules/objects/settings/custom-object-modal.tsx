import { useMutation } from '@tanstack/react-query';
import { App, Col, Form, Input, Modal, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '#shared/api/problem';
import { errorPath } from '#shared/records/payload';
import { type CustomObject, customObjectsApi, OBJECT_NAME_RE } from './custom-objects-api';

type Values = { name: string; label: { zh: string; en: string }; description?: { zh?: string; en?: string } };
type Props = { object: CustomObject | null; onSaved: (saved: CustomObject) => Promise<void>; onClose: () => void };

const trimmed = (v: Values['description']) => ({ zh: v?.zh?.trim() ?? '', en: v?.en?.trim() ?? '' });

/** Creates a custom object (API name and both labels) or edits an existing one's labels. */
export function CustomObjectModal({ object, onSaved, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) => {
      const label = { zh: v.label.zh.trim(), en: v.label.en.trim() };
      const description = trimmed(v.description);
      return object
        ? customObjectsApi.update(object.id, { label, description }, object.version)
        : customObjectsApi.create({ name: v.name.trim(), label, description });
    },
    onSuccess: async (saved) => {
      await onSaved(saved);
      message.success(object ? t('common.saved') : t('common.created'));
      onClose();
    },
    onError: (e) => {
      if (isApiError(e) && e.fieldErrors.length) form.setFields(e.fieldErrors.map((f) => ({ name: errorPath(f.field) as never, errors: [f.message] })));
      else message.error(e.message);
    },
  });
  const required = { required: true, whitespace: true, message: t('validation.required') };
  return (
    <Modal
      open
      title={object ? t('objects.settings.edit') : t('objects.settings.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={object ? t('common.save') : t('common.create')}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={600}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) => save.mutate(v)}
        initialValues={object ?? { name: '', label: { zh: '', en: '' }, description: { zh: '', en: '' } }}
        data-testid="custom-object-form"
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name={['label', 'zh']} label={t('objects.settings.labelZh')} rules={[required, { max: 100 }]}>
              <Input placeholder="经销商" maxLength={100} data-testid="object-label-zh" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name={['label', 'en']} label={t('objects.settings.labelEn')} rules={[required, { max: 100 }]}>
              <Input placeholder="Distributor" maxLength={100} data-testid="object-label-en" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="name"
          label={t('objects.settings.name')}
          extra={t('objects.settings.nameHint')}
          rules={object ? [] : [required, { pattern: OBJECT_NAME_RE, message: t('objects.settings.nameRule') }]}
        >
          <Input disabled={!!object} placeholder="distributors" maxLength={40} addonBefore="/api/v1/" data-testid="object-name" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name={['description', 'zh']} label={t('objects.settings.descriptionZh')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name={['description', 'en']} label={t('objects.settings.descriptionEn')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
