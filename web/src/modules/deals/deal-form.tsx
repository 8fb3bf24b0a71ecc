import { App, Button, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currencyOptions } from '#shared/format/currencies';
import { isApiError } from '#shared/api/problem';
import { UserSelect } from '#shared/users/user-select';
import { type Deal, type DealInput, FORECAST_CATEGORIES, nameOf, type Pipeline } from './deals-api';
import { RecordPicker } from './record-picker';

type Values = Omit<DealInput, 'expectedCloseDate'> & { expectedCloseDate?: Dayjs | null };
type Props = {
  deal?: Deal;
  pipelines: Pipeline[];
  initial?: Partial<DealInput>;
  submitLabel: string;
  onSubmit: (body: DealInput) => Promise<void>;
  onCancel: () => void;
};

const FORM_FIELDS = [
  'name',
  'companyId',
  'contactId',
  'pipelineId',
  'stageId',
  'amount',
  'currency',
  'probability',
  'expectedCloseDate',
  'forecastCategory',
  'ownerId',
  'description',
];

/** Create or edit a deal; server field errors land on their fields. */
export function DealForm({ deal, pipelines, initial, submitLabel, onSubmit, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const pipelineId = Form.useWatch('pipelineId', form);
  const companyId = Form.useWatch('companyId', form);
  const pipeline = pipelines.find((p) => p.id === pipelineId);
  const open = pipelines.filter((p) => !p.closed || p.id === deal?.pipelineId);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const body: DealInput = { ...v, expectedCloseDate: v.expectedCloseDate ? v.expectedCloseDate.format('YYYY-MM-DD') : null };
      if (body.amount !== undefined) body.amount = String(body.amount ?? '0');
      if (deal)
        for (const k of Object.keys(body) as (keyof DealInput)[])
          if (JSON.stringify(body[k] ?? null) === JSON.stringify(deal[k as keyof Deal] ?? null)) delete body[k];
      await onSubmit(body);
    } catch (e) {
      const known = isApiError(e) ? e.fieldErrors.filter((f) => FORM_FIELDS.includes(f.field)) : [];
      form.setFields(known.map((f) => ({ name: f.field as never, errors: [f.message] })));
      if (!known.length) message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      data-testid="deal-form"
      initialValues={{
        ...initial,
        ...(deal
          ? {
              ...deal,
              forecastCategory: deal.forecastCategoryManual ? deal.forecastCategory : null,
              expectedCloseDate: deal.expectedCloseDate ? dayjs(deal.expectedCloseDate) : null,
            }
          : {
              expectedCloseDate: initial?.expectedCloseDate ? dayjs(initial.expectedCloseDate) : null,
              pipelineId: initial?.pipelineId ?? pipelines.find((p) => p.isDefault)?.id,
            }),
      }}
      onFinish={(v) => void submit(v)}
    >
      <Form.Item name="name" label={t('deals.fields.name')} rules={[{ required: true, whitespace: true, max: 200 }]}>
        <Input data-testid="deal-name" />
      </Form.Item>
      <Space.Compact block>
        <Form.Item
          name="amount"
          label={t('deals.fields.amount')}
          style={{ flex: 2 }}
          rules={[{ pattern: /^\d{1,18}(\.\d{1,2})?$/, message: t('deals.fields.amount') }]}
        >
          <InputNumber<string> stringMode min="0" step="1000" style={{ width: '100%' }} data-testid="deal-amount" />
        </Form.Item>
        <Form.Item name="currency" label={t('deals.fields.currency')} style={{ flex: 1 }}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={currencyOptions(i18n.language)} data-testid="deal-currency" />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="pipelineId" label={t('deals.fields.pipeline')}>
        <Select options={open.map((p) => ({ value: p.id, label: nameOf(p.name, i18n.language) }))} onChange={() => form.setFieldValue('stageId', undefined)} />
      </Form.Item>
      <Form.Item name="stageId" label={t('deals.fields.stage')}>
        <Select
          allowClear
          options={(pipeline?.stages ?? [])
            .filter((s) => s.type === 'open' || s.id === deal?.stageId)
            .map((s) => ({ value: s.id, label: `${nameOf(s.name, i18n.language)} · ${s.probability}%` }))}
          data-testid="deal-stage"
        />
      </Form.Item>
      <Form.Item name="companyId" label={t('deals.fields.company')}>
        <RecordPicker object="companies" current={deal?.company ?? null} />
      </Form.Item>
      <Form.Item name="contactId" label={t('deals.fields.contact')}>
        <RecordPicker object="contacts" current={deal?.contact ?? null} {...(companyId ? { filter: { companyId: { eq: companyId } } } : {})} />
      </Form.Item>
      <Form.Item name="expectedCloseDate" label={t('deals.fields.expectedCloseDate')}>
        <DatePicker style={{ width: '100%' }} data-testid="deal-close-date" />
      </Form.Item>
      <Form.Item name="forecastCategory" label={t('deals.fields.forecastCategory')}>
        <Select
          options={[
            { value: null, label: t('deals.forecastDefault') },
            ...FORECAST_CATEGORIES.filter((c) => c !== 'closed').map((c) => ({ value: c, label: t(`deals.forecast.${c}`) })),
          ]}
        />
      </Form.Item>
      {deal && (
        <Form.Item name="probability" label={t('deals.fields.probability')}>
          <InputNumber min={0} max={100} style={{ width: '100%' }} />
        </Form.Item>
      )}
      <Form.Item name="ownerId" label={t('deals.fields.owner')}>
        <UserSelect />
      </Form.Item>
      <Form.Item name="description" label={t('deals.fields.description')}>
        <Input.TextArea rows={3} maxLength={10000} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="deal-submit">
          {submitLabel}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}
