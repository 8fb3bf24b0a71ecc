import { useQuery } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Radio, Select, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '#shared/api/problem';
import { type MailLocale, mailApi, TEMPLATES_KEY } from './mail-api';

type Props = { open: boolean; object: string; recordId: string; onClose: () => void; onSent: (to: string) => void };

/**
 * Pick a template, see it filled for this record as you may read it, in the recipient's language
 * (which you may change), and send it to the record's address (or another).
 */
export function SendMailModal({ open, object, recordId, onClose, onSent }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [templateId, setTemplateId] = useState<string>();
  const [locale, setLocale] = useState<MailLocale>();
  const [to, setTo] = useState<string>();
  const [sending, setSending] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!open) {
      setTemplateId(undefined);
      setLocale(undefined);
      setTo(undefined);
      setErrors({});
    }
  }, [open]);
  const templates = useQuery({ queryKey: TEMPLATES_KEY, queryFn: mailApi.templates, enabled: open });
  const usable = (templates.data ?? []).filter((tpl) => !tpl.object || tpl.object === object);
  const preview = useQuery({
    queryKey: ['mail', 'preview', templateId, object, recordId, locale ?? 'auto'],
    queryFn: () => mailApi.preview(templateId as string, { object, id: recordId }, locale),
    enabled: open && !!templateId,
    retry: false,
  });
  const language = locale ?? preview.data?.locale;
  const address = to ?? preview.data?.to ?? '';

  const send = async () => {
    if (!templateId) {
      setErrors({ templateId: t('mail.pickTemplate') });
      return;
    }
    setSending(true);
    try {
      await mailApi.send({ templateId, record: { object, id: recordId }, ...(address ? { to: address } : {}), ...(language ? { locale: language } : {}) });
      onSent(address);
    } catch (e) {
      if (isApiError(e) && e.fieldErrors.length) setErrors(Object.fromEntries(e.fieldErrors.map((f) => [f.field, f.message])));
      message.error(isApiError(e) ? (e.detail ?? e.message) : (e as Error).message);
    } finally {
      setSending(false);
    }
  };
  const status = (field: string) => (errors[field] ? { validateStatus: 'error' as const, help: errors[field] } : {});

  return (
    <Modal
      open={open}
      title={t('mail.sendEmail')}
      okText={t('mail.send')}
      onOk={() => void send()}
      onCancel={onClose}
      confirmLoading={sending}
      okButtonProps={{ 'data-testid': 'record-mail-submit', disabled: !templateId || preview.isError } as never}
      destroyOnHidden
      width={640}
    >
      <div data-testid="record-mail-modal">
        <Form layout="vertical">
          <Form.Item label={t('mail.template')} {...status('templateId')}>
            <Select
              data-testid="record-mail-template"
              placeholder={t('mail.pickTemplate')}
              loading={templates.isPending}
              value={templateId}
              onChange={(v: string) => {
                setTemplateId(v);
                setErrors({});
              }}
              options={usable.map((tpl) => ({ value: tpl.id, label: tpl.name }))}
              notFoundContent={t('mail.noTemplates')}
            />
          </Form.Item>
          <Form.Item label={t('mail.language')} extra={t('mail.languageHint')} {...status('locale')}>
            <Radio.Group
              data-testid="record-mail-locale"
              value={language}
              onChange={(e) => setLocale(e.target.value as MailLocale)}
              options={[
                { value: 'zh-CN', label: '中文' },
                { value: 'en', label: 'English' },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('mail.to')} {...status('to')}>
            <Input
              data-testid="record-mail-to"
              value={address}
              onChange={(e) => {
                setTo(e.target.value.trim());
                setErrors(({ to: _, ...rest }) => rest);
              }}
              placeholder="name@example.com"
            />
          </Form.Item>
        </Form>
        {preview.isError && <Alert type="error" showIcon message={preview.error.message} data-testid="record-mail-preview-error" />}
        {templateId && preview.isPending && <Skeleton active paragraph={{ rows: 3 }} />}
        {preview.data && (
          <div data-testid="record-mail-preview" style={{ border: '1px solid rgba(5,5,5,0.06)', borderRadius: 8, padding: 12 }}>
            <Typography.Text type="secondary">{t('mail.subject')}</Typography.Text>
            <Typography.Paragraph strong data-testid="record-mail-preview-subject" style={{ marginBottom: 8 }}>
              {preview.data.subject}
            </Typography.Paragraph>
            <Typography.Paragraph data-testid="record-mail-preview-body" style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {preview.data.text}
            </Typography.Paragraph>
          </div>
        )}
        {usable.length === 0 && !templates.isPending && <Typography.Text type="secondary">{t('mail.noTemplatesHint')}</Typography.Text>}
      </div>
    </Modal>
  );
}
