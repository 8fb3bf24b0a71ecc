import { useMutation } from '@tanstack/react-query';
import { App, type ButtonProps, Form, Modal, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth, useMe } from '#shared/auth/session';
import { LANGUAGES, type Language, saveLanguage } from '#app/i18n/languages';
import { api } from '#shared/api/client';
import { formatDateTime } from '#shared/format/format';
import { allTimeZones, browserTimeZone, zoneOffset } from '#shared/format/time-zone';

const NATIVE: Record<Language, string> = { 'zh-CN': '简体中文', en: 'English' };
type Values = { locale: Language; timezone: string };
/** The Select's value for "no zone of my own". */
const FOLLOW = '';

/** The signed-in user's own language and time zone, saved on their user (PATCH /users/me). */
export function PreferencesModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const { refresh, timeZone } = useAuth();
  const [form] = Form.useForm<Values>();
  const fallback = me.user.tenantTimezone ?? browserTimeZone();
  const zones = useMemo(() => {
    const now = new Date();
    return allTimeZones().map((z) => ({ value: z, label: `${z} (${zoneOffset(z, now)})` }));
  }, []);
  const picked = Form.useWatch('timezone', form);
  const save = useMutation({
    mutationFn: (v: Values) => api('/users/me', { method: 'PATCH', body: { locale: v.locale, timezone: v.timezone || null } }),
    onSuccess: async (_, v) => {
      saveLanguage(v.locale);
      await i18n.changeLanguage(v.locale);
      await refresh();
      message.success(t('common.saved'));
      onClose();
    },
    onError: (e) => message.error(e.message),
  });
  const sample = new Date().toISOString();
  return (
    <Modal
      open={open}
      title={t('preferences.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'preferences-save' } as ButtonProps}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ locale: (LANGUAGES as readonly string[]).includes(i18n.language) ? i18n.language : 'zh-CN', timezone: me.user.timezone ?? FOLLOW }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="locale" label={t('header.language')}>
          <Select options={LANGUAGES.map((l) => ({ value: l, label: NATIVE[l] }))} data-testid="preferences-language" />
        </Form.Item>
        <Form.Item
          name="timezone"
          label={t('preferences.timezone')}
          extra={t('preferences.preview', { time: formatDateTime(sample, i18n.language, picked || fallback) })}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={[{ value: FOLLOW, label: t('preferences.followTenant', { zone: fallback }) }, ...zones]}
            data-testid="preferences-timezone"
          />
        </Form.Item>
        <Typography.Text type="secondary">{t('preferences.current', { zone: timeZone })}</Typography.Text>
      </Form>
    </Modal>
  );
}
