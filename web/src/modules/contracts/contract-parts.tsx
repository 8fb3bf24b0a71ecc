import { UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Select, Tag, Upload } from 'antd';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney } from '#shared/format/format';
import { type Contract, contractKeys, contractsApi, type Instalment, type Invoice, type Payment, STATUS_COLOR, type StoredFile } from './contracts-api';
import { fail, type PartContext, type RelatedPart } from './related-part-tab';

const today = () => new Date().toISOString().slice(0, 10);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONEY = /^\d+(\.\d{1,2})?$/;
const money = (c: PartContext) => (a: string, r: { currency: string }) => formatMoney(a, r.currency, c.language);
const date = (c: PartContext) => (d: string) => formatDate(d, c.language);
const status = (c: PartContext) => (s: string) => <Tag color={STATUS_COLOR[s]}>{c.t(`contracts.status.${s}`)}</Tag>;

/** Uploads a file to the contract (multipart; the server checks type and size). */
function ContractUpload({ contract }: { contract: Contract }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  return (
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
  );
}

/** The contract's files: upload and download. */
export const filesPart: RelatedPart<StoredFile> = {
  name: 'files',
  load: contractsApi.files,
  testId: 'contract-files',
  header: (c) => <ContractUpload contract={c.contract} />,
  columns: (c) => [
    { title: c.t('contracts.files.name'), dataIndex: 'name', render: (name: string, f) => <a href={contractsApi.fileUrl(f.id)}>{name}</a> },
    { title: c.t('contracts.files.type'), dataIndex: 'contentType' },
    { title: c.t('contracts.files.size'), dataIndex: 'size', render: (s: number) => `${Math.ceil(s / 1024)} KB` },
    { title: c.t('contracts.files.at'), dataIndex: 'createdAt', render: date(c) },
  ],
};

/** The payment plan: instalments with what is paid and their status; add a line. */
export const planPart: RelatedPart<Instalment, { dueOn: string; amount: string }> = {
  name: 'plan',
  load: contractsApi.instalments,
  testId: 'contract-plan',
  columns: (c) => [
    { title: c.t('contracts.plan.dueOn'), dataIndex: 'dueOn', render: date(c) },
    { title: c.t('contracts.plan.amount'), dataIndex: 'amount', align: 'right', render: money(c) },
    { title: c.t('contracts.plan.paid'), dataIndex: 'paidAmount', align: 'right', render: money(c) },
    { title: c.t('contracts.fields.status'), dataIndex: 'status', render: status(c) },
  ],
  form: {
    initialValues: () => ({ dueOn: today() }),
    add: (v, contract) => contractsApi.addInstalment({ contractId: contract.id, ...v }),
    resets: 'all',
    submit: { label: 'contracts.plan.add', testId: 'plan-add' },
    fields: (c) => (
      <>
        <Form.Item name="dueOn" rules={[{ required: true, pattern: DATE }]}>
          <Input placeholder={c.t('contracts.plan.dueOn')} style={{ width: 140 }} data-testid="plan-due" />
        </Form.Item>
        <Form.Item name="amount" rules={[{ required: true, pattern: MONEY }]}>
          <Input placeholder={c.t('contracts.plan.amount')} style={{ width: 160 }} data-testid="plan-amount" />
        </Form.Item>
      </>
    ),
  },
};

/** The plan's instalments not yet paid, to book a payment against. */
function InstalmentSelect({ contract, ...props }: { contract: Contract } & ComponentProps<typeof Select>) {
  const { t, i18n } = useTranslation();
  const plan = useQuery({ queryKey: contractKeys.part('plan', contract.id), queryFn: () => contractsApi.instalments(contract.id) });
  return (
    <Select
      {...props}
      style={{ width: 260 }}
      placeholder={t('contracts.payments.instalment')}
      data-testid="payment-instalment"
      options={(plan.data ?? [])
        .filter((i) => i.status !== 'paid')
        .map((i) => ({ value: i.id, label: `${formatDate(i.dueOn, i18n.language)} · ${formatMoney(i.amount, i.currency, i18n.language)}` }))}
    />
  );
}

const METHODS = ['bank_transfer', 'cash', 'cheque', 'card', 'alipay', 'wechat_pay', 'other'];
type PaymentValues = { instalmentId: string; receivedOn: string; amount: string; method: string; bankReference?: string };

/** Payments received (回款记录) against the plan's instalments; the server refuses more than is open. */
export const paymentsPart: RelatedPart<Payment, PaymentValues> = {
  name: 'payments',
  load: contractsApi.payments,
  // A payment changes the plan's paid amounts and the contract's received total too.
  invalidates: () => ['contracts'],
  testId: 'contract-payments',
  columns: (c) => [
    { title: c.t('contracts.payments.receivedOn'), dataIndex: 'receivedOn', render: date(c) },
    { title: c.t('contracts.payments.instalment'), dataIndex: ['instalment', 'name'] },
    { title: c.t('contracts.payments.amount'), dataIndex: 'amount', align: 'right', render: money(c) },
    { title: c.t('contracts.payments.method'), dataIndex: 'method', render: (m: string) => c.t(`contracts.method.${m}`) },
    { title: c.t('contracts.payments.bankReference'), dataIndex: 'bankReference' },
  ],
  form: {
    initialValues: () => ({ receivedOn: today(), method: 'bank_transfer' }),
    add: (v) => contractsApi.addPayment({ ...v, ...(v.bankReference ? {} : { bankReference: undefined }) }),
    resets: ['amount', 'bankReference'],
    submit: { label: 'contracts.payments.add', testId: 'payment-add', primary: true },
    fields: (c) => (
      <>
        <Form.Item name="instalmentId" rules={[{ required: true }]}>
          <InstalmentSelect contract={c.contract} />
        </Form.Item>
        <Form.Item name="receivedOn" rules={[{ required: true, pattern: DATE }]}>
          <Input style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="amount" rules={[{ required: true, pattern: MONEY }]}>
          <Input placeholder={c.t('contracts.payments.amount')} style={{ width: 140 }} data-testid="payment-amount" />
        </Form.Item>
        <Form.Item name="method">
          <Select style={{ width: 130 }} options={METHODS.map((m) => ({ value: m, label: c.t(`contracts.method.${m}`) }))} />
        </Form.Item>
        <Form.Item name="bankReference">
          <Input placeholder={c.t('contracts.payments.bankReference')} style={{ width: 160 }} data-testid="payment-reference" />
        </Form.Item>
      </>
    ),
  },
};

type InvoiceValues = { amount: string; taxRate: string; invoiceType: string; buyerTaxId?: string };

/** Invoices against the contract: request one (tax computed by the server), issue it. */
export const invoicesPart: RelatedPart<Invoice, InvoiceValues> = {
  name: 'invoices',
  load: contractsApi.invoices,
  columns: (c) => [
    { title: c.t('contracts.invoices.number'), dataIndex: 'number' },
    { title: c.t('contracts.invoices.type'), dataIndex: 'invoiceType', render: (v: string) => c.t(`contracts.invoiceType.${v}`) },
    { title: c.t('contracts.invoices.amount'), dataIndex: 'amount', align: 'right', render: money(c) },
    { title: c.t('contracts.invoices.tax'), dataIndex: 'taxAmount', align: 'right', render: money(c) },
    { title: c.t('contracts.invoices.total'), dataIndex: 'total', align: 'right', render: money(c) },
    { title: c.t('contracts.fields.status'), dataIndex: 'status', render: status(c) },
    {
      title: '',
      key: 'actions',
      render: (_: unknown, r) =>
        r.status === 'requested' && (
          <Button size="small" onClick={() => void contractsApi.issueInvoice(r.id).then(c.refresh, fail)}>
            {c.t('contracts.invoices.issue')}
          </Button>
        ),
    },
  ],
  form: {
    initialValues: () => ({ taxRate: '13', invoiceType: 'vat_normal' }),
    add: (v, contract) => contractsApi.addInvoice({ contractId: contract.id, ...v, ...(v.buyerTaxId ? {} : { buyerTaxId: undefined }) }),
    submit: { label: 'contracts.invoices.request' },
    fields: (c) => (
      <>
        <Form.Item name="amount" rules={[{ required: true, pattern: MONEY }]}>
          <Input placeholder={c.t('contracts.invoices.amount')} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="taxRate" rules={[{ required: true }]}>
          <Input addonAfter="%" style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="invoiceType">
          <Select
            style={{ width: 170 }}
            options={['vat_normal', 'vat_special', 'plain'].map((v) => ({ value: v, label: c.t(`contracts.invoiceType.${v}`) }))}
          />
        </Form.Item>
        <Form.Item name="buyerTaxId">
          <Input placeholder={c.t('contracts.invoices.buyerTaxId')} style={{ width: 200 }} />
        </Form.Item>
      </>
    ),
  },
};
