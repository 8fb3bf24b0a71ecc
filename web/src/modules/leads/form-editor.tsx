import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LeadForm } from './leads-api';

const KEYS = ['name', 'companyName', 'title', 'email', 'phone', 'industry', 'region', 'province', 'city', 'companySize', 'description'];

export const NEW_FORM: Partial<LeadForm> = {
  name: '',
  fields: [
    { key: 'name', label: { zh: '姓名', en: 'Name' }, required: true },
    { key: 'companyName', label: { zh: '公司', en: 'Company' }, required: false },
    { key: 'email', label: { zh: '邮箱', en: 'Email' }, required: true },
    { key: 'phone', label: { zh: '电话', en: 'Phone' }, required: false },
  ],
  allowedOrigins: [],
  successMessage: { zh: '感谢您的提交，我们会尽快联系您。', en: 'Thank you, we will be in touch soon.' },
  redirectUrl: null,
  doubleOptIn: false,
  active: true,
};

/** The form builder: fields with zh/en labels, origins, success message or redirect, double opt-in. */
export function FormEditor({ initial, onSave, busy }: { initial: Partial<LeadForm>; onSave: (v: Partial<LeadForm>) => void; busy: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Partial<LeadForm>>();
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(v) => onSave({ ...v, redirectUrl: v.redirectUrl || null, allowedOrigins: v.allowedOrigins ?? [] })}
      data-testid="lead-form-editor"
    >
      <Form.Item name="name" label={t('leads.settings.formName')} rules={[{ required: true }]}>
        <Input maxLength={200} data-testid="form-name" />
      </Form.Item>
      <Form.List name="fields">
        {(items, { add, remove }) => (
          <Form.Item label={t('leads.settings.fields')}>
            {items.map((item) => (
              <Space key={item.key} wrap align="start" style={{ display: 'flex', marginBottom: 8 }}>
                <Form.Item name={[item.name, 'key']} noStyle rules={[{ required: true }]}>
                  <Select style={{ width: 130 }} options={KEYS.map((k) => ({ value: k, label: t(`leads.formFields.${k}`) }))} />
                </Form.Item>
                <Form.Item name={[item.name, 'label', 'zh']} noStyle>
                  <Input placeholder={t('leads.settings.labelZh')} style={{ width: 130 }} />
                </Form.Item>
                <Form.Item name={[item.name, 'label', 'en']} noStyle>
                  <Input placeholder={t('leads.settings.labelEn')} style={{ width: 130 }} />
                </Form.Item>
                <Form.Item name={[item.name, 'required']} valuePropName="checked" noStyle>
                  <Checkbox>{t('leads.settings.required')}</Checkbox>
                </Form.Item>
                <Button icon={<DeleteOutlined />} onClick={() => remove(item.name)} aria-label={t('leads.settings.delete')} />
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ key: 'title', label: {}, required: false })}>
              {t('leads.settings.addField')}
            </Button>
          </Form.Item>
        )}
      </Form.List>
      <Form.Item name="allowedOrigins" label={t('leads.settings.origins')} extra={t('leads.settings.originsHelp')}>
        <Select mode="tags" tokenSeparators={[',', ' ']} open={false} data-testid="form-origins" />
      </Form.Item>
      <Form.Item name={['successMessage', 'zh']} label={t('leads.settings.successZh')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name={['successMessage', 'en']} label={t('leads.settings.successEn')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="redirectUrl" label={t('leads.settings.redirectUrl')} rules={[{ type: 'url' }]}>
        <Input placeholder="https://" />
      </Form.Item>
      <Space wrap size="large">
        <Form.Item name="doubleOptIn" valuePropName="checked" label={t('leads.settings.doubleOptIn')}>
          <Switch />
        </Form.Item>
        <Form.Item name="active" valuePropName="checked" label={t('leads.settings.active')}>
          <Switch />
        </Form.Item>
      </Space>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="form-save">
        {t('leads.settings.save')}
      </Button>
    </Form>
  );
}
