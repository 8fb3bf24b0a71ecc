import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '#shared/api/problem';
import { LanguageSwitch } from '#app/layout/language-switch';
import { authApi } from './auth-api';
import { useAuth } from '#shared/auth/session';
import styles from './login-page.module.css';

type Values = { email: string; password: string; remember: boolean };
const REMEMBER_KEY = 'kehu.email';

export function LoginPage() {
  const { t } = useTranslation();
  const { me, refresh } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = params.get('next') || '/';
  const remembered = localStorage.getItem(REMEMBER_KEY);

  if (me) return <Navigate to={next} replace />;

  const onFinish = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await authApi.login(values);
      if (values.remember) localStorage.setItem(REMEMBER_KEY, values.email);
      else localStorage.removeItem(REMEMBER_KEY);
      await refresh();
      navigate(next.startsWith('/') ? next : '/', { replace: true });
    } catch (e) {
      setError(isApiError(e) && e.status !== 500 ? e.message : t('login.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.page}>
      <aside className={styles.brand}>
        <div className={styles.logo}>客</div>
        <Typography.Title level={2} className={styles.brandTitle}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph className={styles.brandText}>{t('login.tagline')}</Typography.Paragraph>
      </aside>
      <main className={styles.panel}>
        <div className={styles.lang}>
          <LanguageSwitch />
        </div>
        <div className={styles.form}>
          <Typography.Title level={3}>{t('login.title')}</Typography.Title>
          {params.get('expired') && !error && <Alert type="warning" showIcon title={t('login.expired')} className={styles.alert} />}
          {error && <Alert type="error" showIcon title={error} className={styles.alert} role="alert" />}
          <Form<Values> layout="vertical" onFinish={onFinish} initialValues={{ email: remembered ?? '', remember: !!remembered }} requiredMark={false}>
            <Form.Item name="email" label={t('login.email')} rules={[{ required: true, type: 'email', message: t('validation.email') }]}>
              <Input prefix={<MailOutlined />} autoComplete="username" size="large" autoFocus={!remembered} />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('validation.required') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" autoFocus={!!remembered} />
            </Form.Item>
            <Form.Item name="remember" valuePropName="checked">
              <Checkbox>{t('login.remember')}</Checkbox>
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={busy}>
              {t('login.submit')}
            </Button>
          </Form>
        </div>
      </main>
    </div>
  );
}
