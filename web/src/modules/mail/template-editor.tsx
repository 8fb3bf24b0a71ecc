import { App, Form, Input, Modal, Select, Space, Tabs, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '#shared/api/problem';
import { objectLabel, useObjects } from '#shared/objects/use-objects';
import { type MailTemplate, mailApi, type TemplateInput } from './mail-api';
import { MergeFieldPicker } from './merge-field-picker';

type Part = 'subject' | 'body';
type Lang = 'zh' | 'en';
type Values = { name: string; object: string | null; subject: { zh: string; en: string }; body: { zh: string; en: string } };
type Props = { open: boolean; editing: MailTemplate | null; onClose: () => void; onSaved: () => void };

const ANY = '';

/** Create or edit a bilingual template; the picker inserts a merge field where the cursor was. */
export function TemplateEditor({ open, editing, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { objects } = useObjects();
  const [saving, setSaving] = useState(false);
  const [lang, setLang] = useState<Lang>(i18n.language.startsWith('zh') ? 'zh' : 'en');
  const focused = useRef<{ part: Part; lang: Lang; at: number }>({ part: 'body', lang, at: -1 });
  const bodies = useRef<Partial<Record<Lang, TextAreaRef | null>>>({});
  const object = Form.useWatch('object', form) ?? null;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      editing
        ? { name: editing.name, object: editing.object ?? ANY, subject: editing.subject, body: editing.body }
        : { name: '', object: 'contact', subject: { zh: '', en: '' }, body: { zh: '', en: '' } },
    );
  }, [open, editing, form]);

  // Where the caret was when the field lost focus (to the picker): the insertion point.
  const remember = (part: Part, l: Lang) => (e: { target: { selectionStart: number | null } }) => {
    focused.current = { part, lang: l, at: e.target.selectionStart ?? -1 };
  };
  const insert = (path: string) => {
    const { part, at } = focused.current;
    const l = focused.current.lang === lang ? focused.current.lang : lang;
    const current: string = form.getFieldValue([part, l]) ?? '';
    const pos = at < 0 || at > current.length || focused.current.lang !== l ? current.length : at;
    const token = `{{${path}}}`;
    form.setFieldValue([part, l], current.slice(0, pos) + token + current.slice(pos));
    focused.current = { part, lang: l, at: pos + token.length };
    if (part === 'body') bodies.current[l]?.focus();
  };

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const body: TemplateInput = { name: v.name, object: v.object || null, subject: v.subject, body: v.body };
      if (editing) await mailApi.updateTemplate(editing.id, editing.version, body);
      else await mailApi.createTemplate(body);
      onSaved();
    } catch (e) {
      if (isApiError(e) && e.fieldErrors.length) {
        form.setFields(e.fieldErrors.map((f) => ({ name: f.field.split('.') as never, errors: [f.message] })));
        const wrong = e.fieldErrors.find((f) => f.field.endsWith('.zh') || f.field.endsWith('.en'));
        if (wrong) setLang(wrong.field.endsWith('.zh') ? 'zh' : 'en');
      }
      if (isApiError(e)) message.error(e.detail ?? e.message);
      else message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  const langPane = (l: Lang) => (
    <>
      <Form.Item name={['subject', l]} label={t('mail.subject')} rules={[{ max: 1000 }]}>
        <Input onBlur={remember('subject', l)} data-testid={`template-subject-${l}`} />
      </Form.Item>
      <Form.Item name={['body', l]} label={t('mail.body')}>
        <Input.TextArea
          ref={(r) => {
            bodies.current[l] = r;
          }}
          autoSize={{ minRows: 8, maxRows: 20 }}
          onBlur={remember('body', l)}
          data-testid={`template-body-${l}`}
        />
      </Form.Item>
    </>
  );

  return (
    <Modal
      open={open}
      title={editing ? t('mail.editTemplate') : t('mail.newTemplate')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      width={820}
      destroyOnHidden
      data-testid="template-modal"
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Space wrap style={{ width: '100%' }} align="start">
          <Form.Item name="name" label={t('mail.templateName')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 200 }]}>
            <Input style={{ width: 300 }} data-testid="template-name" />
          </Form.Item>
          <Form.Item name="object" label={t('mail.templateObject')} extra={t('mail.templateObjectHint', { example: '{{record.…}}' })}>
            <Select
              style={{ width: 220 }}
              options={[
                { value: ANY, label: t('mail.anyRecord') },
                ...objects.filter((o) => o.record).map((o) => ({ value: o.name, label: objectLabel(o, i18n.language) })),
              ]}
              data-testid="template-object"
            />
          </Form.Item>
        </Space>
        <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 8, flexWrap: 'wrap' }}>
          <MergeFieldPicker object={object || null} onPick={insert} />
          <Typography.Text type="secondary">{t('mail.pickerHint')}</Typography.Text>
        </div>
        <Tabs
          activeKey={lang}
          onChange={(k) => setLang(k as Lang)}
          items={[
            { key: 'zh', label: '中文', forceRender: true, children: langPane('zh') },
            { key: 'en', label: 'English', forceRender: true, children: langPane('en') },
          ]}
        />
      </Form>
    </Modal>
  );
}
