import { SendOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '#shared/api/problem';
import { MAIL_SETTINGS_KEY, mailApi, SENT_KEY, type SmtpInput } from './mail-api';
import { SentLog } from './sent-log';

type Values = Omit<SmtpInput, 'password' | 'user'> & { user?: string; password?: string };

/** Settings > E-mail: the tenant's SMTP server, a test e-mail, and the sent log. */
export function SmtpSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [testTo, setTestTo] = useState('');
  const [testing, setTesting] = useState(false);
  const [testResult, setTestResult] = useState<{ ok: boolean; text: string } | null>(null);
  const { data } = useQuery({ queryKey: MAIL_SETTINGS_KEY, queryFn: mailApi.settings });
  useEffect(() => {
    if (data) form.setFieldsValue({ host: data.host ?? '', port: data.port ?? 587, secure: data.secure, user: data.user ?? '', from: data.from ?? '' });
  }, [data, form]);

  const save = async (v: Values) => {
    setSaving(true);
    try {
      const body: SmtpInput = {
        host: v.host,
        port: v.port,
        secure: v.secure,
        user: v.user || null,
        from: v.from,
        ...(v.password ? { password: v.password } : {}),
      };
      qc.setQueryData(MAIL_SETTINGS_KEY, await mailApi.saveSettings(body));
      form.setFieldValue('password', '');
      message.success(t('mail.saved'));
    } catch (e) {
      if (isApiError(e) && e.fieldErrors.length) form.setFields(e.fieldErrors.map((f) => ({ name: f.field as keyof Values, errors: [f.message] })));
      else message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };
  const sendTest = async () => {
    setTesting(true);
    setTestResult(null);
    try {
      const r = await mailApi.test(testTo);
      setTestResult({ ok: true, text: t('mail.testSent', { to: testTo, response: r.response }) });
    } catch (e) {
      setTestResult({ ok: false, text: (e as Error).message });
    } finally {
      setTesting(false);
      await qc.invalidateQueries({ queryKey: SENT_KEY });
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('mail.settingsTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('mail.settingsIntro')}</Typography.Paragraph>
        {data?.source === 'instance' && <Alert style={{ marginBottom: 12 }} type="info" showIcon message={t('mail.instanceDefault', { host: data.host })} />}
        {data?.source === 'none' && <Alert style={{ marginBottom: 12 }} type="warning" showIcon message={t('mail.notConfigured')} />}
        <Form form={form} layout="vertical" onFinish={save} style={{ maxWidth: 560 }} initialValues={{ port: 587, secure: false }}>
          <Space.Compact block>
            <Form.Item name="host" label={t('mail.host')} style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
              <Input placeholder="smtp.example.com" data-testid="smtp-host" />
            </Form.Item>
            <Form.Item name="port" label={t('mail.port')} rules={[{ required: true, message: t('validation.required') }]}>
              <InputNumber min={1} max={65535} style={{ width: 110 }} data-testid="smtp-port" />
            </Form.Item>
          </Space.Compact>
          <Form.Item name="secure" label={t('mail.secure')} valuePropName="checked" extra={t('mail.secureHint')}>
            <Switch data-testid="smtp-secure" />
          </Form.Item>
          <Form.Item name="user" label={t('mail.user')}>
            <Input autoComplete="off" data-testid="smtp-user" />
          </Form.Item>
          <Form.Item name="password" label={t('mail.password')} extra={data?.passwordSet ? t('mail.passwordKept') : t('mail.passwordHint')}>
            <Input.Password autoComplete="new-password" placeholder={data?.passwordSet ? '••••••••' : ''} data-testid="smtp-password" />
          </Form.Item>
          <Form.Item
            name="from"
            label={t('mail.from')}
            extra={t('mail.fromHint')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input placeholder="Acme 销售 <sales@example.com>" data-testid="smtp-from" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="smtp-save">
            {t('mail.save')}
          </Button>
        </Form>
      </Card>
      <Card title={t('mail.testTitle')} size="small">
        <Space.Compact style={{ width: '100%', maxWidth: 560 }}>
          <Input type="email" value={testTo} onChange={(e) => setTestTo(e.target.value)} placeholder={t('mail.testTo')} data-testid="smtp-test-to" />
          <Button
            icon={<SendOutlined />}
            loading={testing}
            disabled={!testTo.includes('@') || data?.source === 'none'}
            onClick={sendTest}
            data-testid="smtp-test-send"
          >
            {t('mail.testSend')}
          </Button>
        </Space.Compact>
        {testResult && (
          <Alert style={{ marginTop: 12 }} type={testResult.ok ? 'success' : 'error'} showIcon message={testResult.text} data-testid="smtp-test-result" />
        )}
      </Card>
      <SentLog />
    </Space>
  );
}
