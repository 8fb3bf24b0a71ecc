import { UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Select, Space, Table, Tag, Upload, message } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney } from '#shared/format/format';
import { type Contract, contractKeys, contractsApi, STATUS_COLOR } from './contracts-api';

const today = () => new Date().toISOString().slice(0, 10);
const fail = (e: unknown) => void message.error((e as Error).message);

/** The contract's files: upload (multipart; the server checks type and size) and download. */
export function ContractFiles({ contract }: { contract: Contract }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const files = useQuery({ queryKey: contractKeys.part('files', contract.id), queryFn: () => contractsApi.files(contract.id) });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Upload
        showUploadList={false}
        customRequest={({ file, onSuccess, onError }) => {
          contractsApi
            .upload(contract.id, file as File, i18n.language)
            .then((r) => {
              onSuccess?.(r);
              void qc.invalidateQueries({ queryKey: contractKeys.part('files', contract.id) });
            })
            .catch((e: Error) => {
              onError?.(e);
              fail(e);
            });
        }}
      >
        <Button icon={<UploadOutlined />} data-testid="contract-upload">
          {t('contracts.files.upload')}
        </Button>
      </Upload>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        loading={files.isPending}
        dataSource={files.data ?? []}
        data-testid="contract-files"
        columns={[
          { title: t('contracts.files.name'), dataIndex: 'name', render: (name: string, f) => <a href={contractsApi.fileUrl(f.id)}>{name}</a> },
          { title: t('contracts.files.type'), dataIndex: 'contentType' },
          { title: t('contracts.files.size'), dataIndex: 'size', render: (s: number) => `${Math.ceil(s / 1024)} KB` },
          { title: t('contracts.files.at'), dataIndex: 'createdAt', render: (d: string) => formatDate(d, i18n.language) },
        ]}
      />
    </Space>
  );
}

/** The payment plan: instalments with what is paid and their status; add a line. */
export function ContractPlan({ contract, onChanged }: { contract: Contract; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ dueOn: string; amount: string }>();
  const plan = useQuery({ queryKey: contractKeys.part('plan', contract.id), queryFn: () => contractsApi.instalments(contract.id) });
  const add = async (v: { dueOn: string; amount: string }) => {
    try {
      await contractsApi.addInstalment({ contractId: contract.id, ...v });
      form.resetFields();
      await qc.invalidateQueries({ queryKey: contractKeys.part('plan', contract.id) });
      onChanged();
    } catch (e) {
      fail(e);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        loading={plan.isPending}
        dataSource={plan.data ?? []}
        data-testid="contract-plan"
        columns={[
          { title: t('contracts.plan.dueOn'), dataIndex: 'dueOn', render: (d: string) => formatDate(d, i18n.language) },
          { title: t('contracts.plan.amount'), dataIndex: 'amount', align: 'right', render: (a: string, r) => formatMoney(a, r.currency, i18n.language) },
          { title: t('contracts.plan.paid'), dataIndex: 'paidAmount', align: 'right', render: (a: string, r) => formatMoney(a, r.currency, i18n.language) },
          { title: t('contracts.fields.status'), dataIndex: 'status', render: (s: string) => <Tag color={STATUS_COLOR[s]}>{t(`contracts.status.${s}`)}</Tag> },
        ]}
      />
      <Form form={form} layout="inline" onFinish={(v) => void add(v)} initialValues={{ dueOn: today() }}>
        <Form.Item name="dueOn" rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}>
          <Input placeholder={t('contracts.plan.dueOn')} style={{ width: 140 }} data-testid="plan-due" />
        </Form.Item>
        <Form.Item name="amount" rules={[{ required: true, pattern: /^\d+(\.\d{1,2})?$/ }]}>
          <Input placeholder={t('contracts.plan.amount')} style={{ width: 160 }} data-testid="plan-amount" />
        </Form.Item>
        <Button htmlType="submit" data-testid="plan-add">
          {t('contracts.plan.add')}
        </Button>
      </Form>
    </Space>
  );
}

const METHODS = ['bank_transfer', 'cash', 'cheque', 'card', 'alipay', 'wechat_pay', 'other'];

/** Payments received (回款记录) against the plan's instalments; the server refuses more than is open. */
export function ContractPayments({ contract, onChanged }: { contract: Contract; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const plan = useQuery({ queryKey: contractKeys.part('plan', contract.id), queryFn: () => contractsApi.instalments(contract.id) });
  const payments = useQuery({ queryKey: contractKeys.part('payments', contract.id), queryFn: () => contractsApi.payments(contract.id) });
  const add = async (v: { instalmentId: string; receivedOn: string; amount: string; method: string; bankReference?: string }) => {
    try {
      await contractsApi.addPayment({ ...v, ...(v.bankReference ? {} : { bankReference: undefined }) });
      form.resetFields(['amount', 'bankReference']);
      await qc.invalidateQueries({ queryKey: ['contracts'] });
      onChanged();
    } catch (e) {
      fail(e);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        loading={payments.isPending}
        dataSource={payments.data ?? []}
        data-testid="contract-payments"
        columns={[
          { title: t('contracts.payments.receivedOn'), dataIndex: 'receivedOn', render: (d: string) => formatDate(d, i18n.language) },
          { title: t('contracts.payments.instalment'), dataIndex: ['instalment', 'name'] },
          { title: t('contracts.payments.amount'), dataIndex: 'amount', align: 'right', render: (a: string, r) => formatMoney(a, r.currency, i18n.language) },
          { title: t('contracts.payments.method'), dataIndex: 'method', render: (m: string) => t(`contracts.method.${m}`) },
          { title: t('contracts.payments.bankReference'), dataIndex: 'bankReference' },
        ]}
      />
      <Form form={form} layout="inline" onFinish={(v) => void add(v)} initialValues={{ receivedOn: today(), method: 'bank_transfer' }}>
        <Form.Item name="instalmentId" rules={[{ required: true }]}>
          <Select
            style={{ width: 260 }}
            placeholder={t('contracts.payments.instalment')}
            data-testid="payment-instalment"
            options={(plan.data ?? [])
              .filter((i) => i.status !== 'paid')
              .map((i) => ({ value: i.id, label: `${formatDate(i.dueOn, i18n.language)} · ${formatMoney(i.amount, i.currency, i18n.language)}` }))}
          />
        </Form.Item>
        <Form.Item name="receivedOn" rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}>
          <Input style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="amount" rules={[{ required: true, pattern: /^\d+(\.\d{1,2})?$/ }]}>
          <Input placeholder={t('contracts.payments.amount')} style={{ width: 140 }} data-testid="payment-amount" />
        </Form.Item>
        <Form.Item name="method">
          <Select style={{ width: 130 }} options={METHODS.map((m) => ({ value: m, label: t(`contracts.method.${m}`) }))} />
        </Form.Item>
        <Form.Item name="bankReference">
          <Input placeholder={t('contracts.payments.bankReference')} style={{ width: 160 }} data-testid="payment-reference" />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="payment-add">
          {t('contracts.payments.add')}
        </Button>
      </Form>
    </Space>
  );
}

/** Invoices against the contract: request one (tax computed by the server), issue it. */
export function ContractInvoices({ contract }: { contract: Contract }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const invoices = useQuery({ queryKey: contractKeys.part('invoices', contract.id), queryFn: () => contractsApi.invoices(contract.id) });
  const refresh = () => qc.invalidateQueries({ queryKey: contractKeys.part('invoices', contract.id) });
  const add = async (v: { amount: string; taxRate: string; invoiceType: string; buyerTaxId?: string }) => {
    try {
      await contractsApi.addInvoice({ contractId: contract.id, ...v, ...(v.buyerTaxId ? {} : { buyerTaxId: undefined }) });
      await refresh();
    } catch (e) {
      fail(e);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        loading={invoices.isPending}
        dataSource={invoices.data ?? []}
        columns={[
          { title: t('contracts.invoices.number'), dataIndex: 'number' },
          { title: t('contracts.invoices.type'), dataIndex: 'invoiceType', render: (v: string) => t(`contracts.invoiceType.${v}`) },
          { title: t('contracts.invoices.amount'), dataIndex: 'amount', align: 'right', render: (a: string, r) => formatMoney(a, r.currency, i18n.language) },
          { title: t('contracts.invoices.tax'), dataIndex: 'taxAmount', align: 'right', render: (a: string, r) => formatMoney(a, r.currency, i18n.language) },
          { title: t('contracts.invoices.total'), dataIndex: 'total', align: 'right', render: (a: string, r) => formatMoney(a, r.currency, i18n.language) },
          { title: t('contracts.fields.status'), dataIndex: 'status', render: (s: string) => <Tag color={STATUS_COLOR[s]}>{t(`contracts.status.${s}`)}</Tag> },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, r) =>
              r.status === 'requested' && (
                <Button size="small" onClick={() => void contractsApi.issueInvoice(r.id).then(refresh, fail)}>
                  {t('contracts.invoices.issue')}
                </Button>
              ),
          },
        ]}
      />
      <Form layout="inline" onFinish={(v) => void add(v)} initialValues={{ taxRate: '13', invoiceType: 'vat_normal' }}>
        <Form.Item name="amount" rules={[{ required: true, pattern: /^\d+(\.\d{1,2})?$/ }]}>
          <Input placeholder={t('contracts.invoices.amount')} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="taxRate" rules={[{ required: true }]}>
          <Input addonAfter="%" style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="invoiceType">
          <Select style={{ width: 170 }} options={['vat_normal', 'vat_special', 'plain'].map((v) => ({ value: v, label: t(`contracts.invoiceType.${v}`) }))} />
        </Form.Item>
        <Form.Item name="buyerTaxId">
          <Input placeholder={t('contracts.invoices.buyerTaxId')} style={{ width: 200 }} />
        </Form.Item>
        <Button htmlType="submit">{t('contracts.invoices.request')}</Button>
      </Form>
    </Space>
  );
}
