import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '#shared/api/problem';
import type { CrmRecord } from '#shared/api/types';
import { FieldInput } from '#shared/fields/field-input';
import { fieldLabel } from '#shared/fields/field-label';
import type { FieldDef } from '#shared/fields/field-types';
import { formItemProps } from '#shared/fields/form-item-props';
import { rulesFor } from '#shared/fields/form-rules';
import { type ObjectDef, fieldPath } from '../object-def';
import { buildPayload, errorPath } from '../payload';
import { recordsApi } from '../records-api';
import { ConflictAlert } from '#shared/ui/conflict-alert';
import styles from './record-fields.module.css';

type Props = {
  def: ObjectDef;
  field: FieldDef;
  record: CrmRecord;
  onSaved: (saved: CrmRecord) => void;
  onCancel: () => void;
  onReload: () => void;
};

/** The PATCH body for one field, plus whatever the object derives from it (a contact's name from its parts). */
export function inlinePayload(def: ObjectDef, field: FieldDef, values: Record<string, unknown>, record: CrmRecord): Record<string, unknown> {
  const body = buildPayload([field], values, record);
  if (Object.keys(body).length === 0 || field.key.startsWith('custom.')) return body;
  const merged = { ...record, ...body };
  for (const [k, v] of Object.entries(def.prepare?.(merged) ?? {})) if (record[k] !== v) body[k] = v;
  return body;
}

/**
 * Edits one field in place and saves it alone with If-Match. Server validation messages land on the
 * field; a 412 explains that someone else saved first and offers a reload.
 */
export function InlineEditor({ def, field, record, onSaved, onCancel, onReload }: Props) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A masked value is not the value: start a sensitive field blank rather than editing the stars.
  const initialValues = field.sensitive ? { ...record, [field.key]: undefined } : record;

  const onFinish = async (values: Record<string, unknown>) => {
    const body = inlinePayload(def, field, values, record);
    if (Object.keys(body).length === 0) return onCancel();
    setBusy(true);
    setError(null);
    try {
      onSaved(await recordsApi.update(def.object, record.id, body, record.version));
    } catch (e) {
      if (isApiError(e) && e.isConflict) setConflict(true);
      else if (isApiError(e) && e.fieldErrors.length > 0) {
        const path = JSON.stringify(errorPath(field.key));
        const mine = e.fieldErrors.filter((fe) => JSON.stringify(errorPath(fe.field)) === path);
        const others = e.fieldErrors.filter((fe) => !mine.includes(fe));
        if (mine.length) form.setFields([{ name: fieldPath(field.key), errors: mine.map((fe) => fe.message) }]);
        if (others.length || !mine.length) setError(others.map((fe) => fe.message).join('; ') || e.message);
      } else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const label = fieldLabel(field, t, i18n.language);
  return (
    <Form
      form={form}
      initialValues={initialValues}
      onFinish={onFinish}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
      className={styles.inlineForm}
      data-testid={`inline-editor-${field.key}`}
    >
      {conflict && <ConflictAlert onReload={onReload} />}
      <Form.Item name={fieldPath(field.key)} rules={rulesFor(field, t)} className={styles.inlineItem} aria-label={label} {...formItemProps(field.type)}>
        <FieldInput
          def={field}
          autoFocus
          {...(field.type === 'company' && record.company ? { initialLabel: (record.company as { name: string }).name } : {})}
          {...(field.sensitive ? { placeholder: t('inline.sensitivePlaceholder') } : {})}
        />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} className={styles.inlineError} role="alert" />}
      <Space size={4}>
        <Button size="small" type="primary" htmlType="submit" icon={<CheckOutlined />} loading={busy} disabled={conflict} data-testid="inline-save">
          {t('inline.save')}
        </Button>
        <Button size="small" icon={<CloseOutlined />} onClick={onCancel} data-testid="inline-cancel">
          {t('inline.cancel')}
        </Button>
      </Space>
    </Form>
  );
}
