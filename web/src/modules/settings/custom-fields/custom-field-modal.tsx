import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Form, Input, Modal, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '#shared/api/problem';
import { CUSTOM_FIELDS_KEY, type CustomFieldDef, customFieldsApi } from '#shared/fields/custom-fields-api';
import { CUSTOM_FIELD_TYPES, type CustomFieldType, type FieldOption } from '#shared/fields/field-types';
import { objectLabel, useObjects } from '#shared/objects/use-objects';
import { errorPath } from '#shared/records/payload';
import { OptionsEditor } from './options-editor';

type Values = {
  key: string;
  label: { zh?: string; en?: string };
  type: CustomFieldType;
  required: boolean;
  unique: boolean;
  sensitive: boolean;
  options: FieldOption[];
  target?: string;
};
type Props = { object: string; field: CustomFieldDef | null; nextPosition: number; onClose: () => void };

export const KEY_RE = /^[a-z][a-z0-9_]{0,39}$/;

export function CustomFieldModal({ object, field, nextPosition, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { objects, loading } = useObjects();
  // A lookup can point at any object that has records (standard or custom), itself included.
  const targets = objects.filter((o) => o.record && o.path).map((o) => ({ value: o.name, label: objectLabel(o, i18n.language) }));
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const options = v.type === 'select' || v.type === 'multiselect' ? (v.options ?? []).filter((o) => o.value.trim()) : [];
      const common = { label: v.label, required: !!v.required, unique: !!v.unique, sensitive: !!v.sensitive, options };
      return field
        ? customFieldsApi.update(field.id, common, field.version)
        : customFieldsApi.create({
            ...common,
            object,
            key: v.key,
            type: v.type,
            position: nextPosition,
            defaultValue: undefined,
            ...(v.type === 'lookup' && v.target ? { target: v.target } : {}),
          });
    },
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: CUSTOM_FIELDS_KEY });
      message.success(t('common.saved'));
      onClose();
    },
    onError: (e) => {
      if (isApiError(e) && e.fieldErrors.length) form.setFields(e.fieldErrors.map((f) => ({ name: errorPath(f.field) as never, errors: [f.message] })));
      else message.error(e.message);
    },
  });
  const labelRule = {
    validator: async () => {
      const l = form.getFieldValue('label') as Values['label'] | undefined;
      if (!l?.zh?.trim() && !l?.en?.trim()) throw new Error(t('settings.customFields.labelRequired'));
    },
  };
  return (
    <Modal
      open
      title={field ? t('settings.customFields.edit') : t('settings.customFields.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) => save.mutate(v)}
        initialValues={field ?? { type: 'text', required: false, unique: false, sensitive: false, options: [], label: { zh: '', en: '' } }}
      >
        <Form.Item
          name="key"
          label={t('settings.customFields.key')}
          extra={t('settings.customFields.keyHint')}
          rules={[
            { required: true, message: t('validation.required') },
            { pattern: KEY_RE, message: t('settings.customFields.keyRule') },
          ]}
        >
          <Input disabled={!!field} placeholder="wechat_id" />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name={['label', 'zh']} label={t('settings.customFields.labelZh')} style={{ flex: 1 }} rules={[labelRule]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name={['label', 'en']} label={t('settings.customFields.labelEn')} style={{ flex: 1 }}>
            <Input maxLength={100} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="type" label={t('settings.customFields.type')}>
          <Select
            disabled={!!field}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="custom-field-type"
            options={CUSTOM_FIELD_TYPES.map((x) => ({ value: x, label: t(`settings.fieldTypes.${x}`) }))}
          />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.type !== b.type}>
          {({ getFieldValue }) =>
            getFieldValue('type') === 'lookup' && (
              <Form.Item
                name="target"
                label={t('settings.customFields.target')}
                extra={t('settings.customFields.targetHint')}
                rules={[{ required: true, message: t('settings.customFields.targetRequired') }]}
              >
                <Select disabled={!!field} loading={loading} showSearch={{ optionFilterProp: 'label' }} options={targets} data-testid="custom-field-target" />
              </Form.Item>
            )
          }
        </Form.Item>
        {(type === 'select' || type === 'multiselect') && (
          <Form.Item name="options" label={t('settings.customFields.options')}>
            <OptionsEditor />
          </Form.Item>
        )}
        <Space wrap>
          <Form.Item name="required" valuePropName="checked" noStyle>
            <Checkbox>{t('settings.customFields.required')}</Checkbox>
          </Form.Item>
          <Form.Item name="unique" valuePropName="checked" noStyle>
            <Checkbox>{t('settings.customFields.unique')}</Checkbox>
          </Form.Item>
          <Form.Item name="sensitive" valuePropName="checked" noStyle>
            <Checkbox>{t('settings.customFields.sensitive')}</Checkbox>
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
