import { Alert, Button, Col, Form, Row, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '#shared/auth/session';
import { fieldAccess } from '#shared/auth/permissions';
import { isApiError } from '#shared/api/problem';
import type { CrmRecord } from '#shared/api/types';
import { FieldInput } from '#shared/fields/field-input';
import { fieldLabel } from '#shared/fields/field-label';
import { formItemProps } from '#shared/fields/form-item-props';
import type { FieldDef } from '#shared/fields/field-types';
import { rulesFor } from '#shared/fields/form-rules';
import { ConflictAlert } from '#shared/ui/conflict-alert';
import { type ObjectDef, fieldPath, formValues } from './object-def';
import { buildPayload, errorPath } from './payload';

type Props = {
  def: ObjectDef;
  fields: FieldDef[];
  record?: CrmRecord;
  /** Extra initial values for a new record by field key (a prefilled `companyId`, `custom.company`). */
  initial?: Record<string, unknown>;
  submitLabel?: string;
  onSubmit: (body: Record<string, unknown>) => Promise<unknown>;
  onCancel?: () => void;
  onReload?: () => void;
};

const WIDE = new Set(['address', 'longtext', 'phones', 'emails']);

/** A create/edit form generated from the object's fields, custom fields included. */
export function RecordForm({ def, fields, record, initial: extra, submitLabel, onSubmit, onCancel, onReload }: Props) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);

  const editable = fields.filter((f) => !f.readOnly && fieldAccess(me, def.entity, f.key, !!f.sensitive).edit);
  const defaults = Object.fromEntries(fields.filter((f) => f.defaultValue !== undefined).map((f) => [f.key, f.defaultValue]));
  const initialValues = record ?? formValues({ ownerId: me.user.id, ...defaults, ...extra });

  const onFinish = async (values: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      const body = buildPayload(editable, values, record);
      for (const [k, v] of Object.entries(def.prepare?.(values) ?? {})) if (!record || record[k] !== v) body[k] = v;
      await onSubmit(body);
    } catch (e) {
      if (isApiError(e) && e.isConflict) setConflict(true);
      else if (isApiError(e) && e.fieldErrors.length > 0) {
        form.setFields(e.fieldErrors.map((fe) => ({ name: errorPath(fe.field), errors: [fe.message] })));
        setError(e.detail ?? t('form.fixErrors'));
      } else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish} scrollToFirstError={{ focus: true }} data-testid="record-form">
      {conflict && <ConflictAlert onReload={onReload} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Row gutter={16}>
        {editable.map((f) => (
          <Col key={f.key} xs={24} md={WIDE.has(f.type) ? 24 : 12} data-field={f.key}>
            <Form.Item name={fieldPath(f.key)} label={fieldLabel(f, t, i18n.language)} rules={rulesFor(f, t)} {...formItemProps(f.type)}>
              <FieldInput def={f} {...(f.type === 'company' && record?.company ? { initialLabel: (record.company as { name: string }).name } : {})} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Space>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="record-form-submit">
          {submitLabel ?? t('common.save')}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('common.cancel')}</Button>}
      </Space>
    </Form>
  );
}
