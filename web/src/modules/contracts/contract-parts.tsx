import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Select, Space, Tag, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney } from '#shared/format/format';
import { type Contract, contractKeys, contractsApi, type Instalment, type Invoice, type Payment, STATUS_COLOR, type StoredFile } from './contracts-api';
import { AllocationList, DATE, localToday as today, MONEY, PaymentFields, type PaymentValues, paymentRequest, UseCreditButton } from './payment-form';
import { PlanEditor } from './plan-editor';
import { fail, type PartContext, type RelatedPart } from './related-part-tab';
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

/** The payment plan: instalments with their share, what is paid and their status; set it by percentage, add a line, use credit. */
export const planPart: RelatedPart<Instalment, { dueOn: string; amount: string }> = {
  name: 'plan',
  load: contractsApi.instalments,
  testId: 'contract-plan',
  header: (c) => (
    <Space wrap>
      <PlanEditor contract={c.contract} />
      <UseCreditButton contract={c.contract} />
    </Space>
  ),
  columns: (c) => [
    { title: c.t('contracts.plan.dueOn'), dataIndex: 'dueOn', render: date(c) },
    { title: c.t('contracts.plan.percent'), dataIndex: 'percent', align: 'right', render: (p: string | null) => (p ? `${Number(p)} %` : '—') },
    { title: c.t('contracts.plan.amount'), dataIndex: 'amount', align: 'right', render: money(c) },
    { title: c.t('contracts.plan.paid'), dataIndex: 'paidAmount', align: 'right', render: money(c) },
    { title: c.t('contracts.fields.status'), dataIndex: 'status', render: status(c) },
    {
      title: '',
      key: 'credit',
      render: (_: unknown, r) => r.status !== 'paid' && <UseCreditButton contract={c.contract} instalmentId={r.id} />,
    },
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

/** Payments received (回款记录), each matched to one or more instalments; the server refuses more than is open unless the rest is kept as credit. */
export const paymentsPart: RelatedPart<Payment, PaymentValues> = {
  name: 'payments',
  load: contractsApi.payments,
  // A payment changes the plan's paid amounts and the contract's received total and credit too.
  invalidates: () => ['contracts'],
  testId: 'contract-payments',
  columns: (c) => [
    { title: c.t('contracts.payments.receivedOn'), dataIndex: 'receivedOn', render: date(c) },
    {
      title: c.t('contracts.payments.matched'),
      key: 'allocations',
      render: (_: unknown, p) => <AllocationList contract={c.contract} allocations={p.allocations} credit={p.creditAmount} />,
    },
    { title: c.t('contracts.payments.amount'), dataIndex: 'amount', align: 'right', render: money(c) },
    { title: c.t('contracts.payments.method'), dataIndex: 'method', render: (m: string) => c.t(`contracts.method.${m}`) },
    { title: c.t('contracts.payments.bankReference'), dataIndex: 'bankReference' },
  ],
  form: {
    initialValues: () => ({ receivedOn: today(), method: 'bank_transfer' }),
    add: (v, contract) => contractsApi.addPayment(paymentRequest(v, contract.id)),
    resets: ['amount', 'bankReference', 'instalmentIds', 'split', 'keepCredit'],
    submit: { label: 'contracts.payments.add', testId: 'payment-add', primary: true },
    fields: (c) => <PaymentFields contract={c.contract} />,
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
