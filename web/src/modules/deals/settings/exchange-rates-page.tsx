import { DeleteOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Input, Popconfirm, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { currencyOptions } from '#shared/format/currencies';
import { isApiError } from '#shared/api/problem';
import '../messages';
import { dealKeys, dealsApi, type ExchangeRate, trimDecimal } from '../deals-api';

type Values = { currency: string; rate: string; effectiveDate: Dayjs };

/** Dated exchange rates into the tenant's base currency. */
export function ExchangeRatesPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const rates = useQuery({ queryKey: dealKeys.rates, queryFn: dealsApi.rates });
  const base = rates.data?.baseCurrency ?? '';
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: dealKeys.rates });
    await qc.invalidateQueries({ queryKey: dealKeys.all });
  };
  const add = async (v: Values) => {
    try {
      await dealsApi.createRate({ currency: v.currency, rate: String(v.rate).trim(), effectiveDate: v.effectiveDate.format('YYYY-MM-DD') });
      message.success(t('deals.settings.saved'));
      form.resetFields(['rate']);
      await refresh();
    } catch (e) {
      if (isApiError(e) && e.fieldErrors.length) form.setFields(e.fieldErrors.map((f) => ({ name: f.field as never, errors: [f.message] })));
      else message.error((e as Error).message);
    }
  };
  return (
    <div data-testid="exchange-rates">
      <Typography.Title level={4}>{t('deals.settings.rates')}</Typography.Title>
      <Alert type="info" showIcon message={t('deals.settings.rateHint', { base })} style={{ marginBottom: 16 }} />
      <Form<Values>
        form={form}
        layout="inline"
        onFinish={(v) => void add(v)}
        initialValues={{ effectiveDate: dayjs() }}
        style={{ rowGap: 8, marginBottom: 16 }}
      >
        <Form.Item name="currency" rules={[{ required: true, message: t('deals.settings.rateCurrency') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 200 }}
            placeholder={t('deals.settings.rateCurrency')}
            options={currencyOptions(i18n.language).filter((o) => o.value !== base)}
            data-testid="rate-currency"
          />
        </Form.Item>
        <Form.Item name="rate" rules={[{ required: true, pattern: /^\d{1,14}(\.\d{1,10})?$/, message: t('deals.settings.rate') }]}>
          <Input placeholder={t('deals.settings.rate')} style={{ width: 140 }} data-testid="rate-value" />
        </Form.Item>
        <Form.Item name="effectiveDate" rules={[{ required: true }]}>
          <DatePicker placeholder={t('deals.settings.effectiveDate')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="add-rate">
          {t('deals.settings.addRate')}
        </Button>
      </Form>
      <Table<ExchangeRate>
        rowKey="id"
        size="small"
        loading={rates.isPending}
        dataSource={rates.data?.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { key: 'currency', title: t('deals.settings.rateCurrency'), dataIndex: 'currency' },
          { key: 'rate', title: t('deals.settings.rate'), render: (_, r) => `1 ${r.currency} = ${trimDecimal(r.rate)} ${r.baseCurrency}` },
          { key: 'date', title: t('deals.settings.effectiveDate'), dataIndex: 'effectiveDate' },
          {
            key: 'actions',
            title: t('deals.settings.actions'),
            render: (_, r) => (
              <Space>
                <Popconfirm title={t('deals.settings.delete')} onConfirm={() => void dealsApi.deleteRate(r.id).then(refresh)}>
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('deals.settings.delete')} />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}
