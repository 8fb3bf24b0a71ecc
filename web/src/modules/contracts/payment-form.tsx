import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Form, Input, Select, Space, Typography } from 'antd';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney } from '#shared/format/format';
import { type Allocation, type Contract, contractKeys, contractsApi, type Instalment, type PaymentRequest } from './contracts-api';
import { fail } from './related-part-tab';

export const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const MONEY = /^\d+(\.\d{1,2})?$/;
/** Today on the user's own calendar (yyyy-mm-dd). */
export const localToday = () => new Date().toLocaleDateString('sv-SE');

const usePlan = (contract: Contract) => useQuery({ queryKey: contractKeys.part('plan', contract.id), queryFn: () => contractsApi.instalments(contract.id) });

const label = (i: Instalment, language: string) => `${formatDate(i.dueOn, language)} · ${formatMoney(i.amount, i.currency, language)}`;

/** The plan's instalments not yet paid; none chosen: oldest due first. */
function InstalmentSelect({ contract, ...props }: { contract: Contract } & ComponentProps<typeof Select>) {
  const { t, i18n } = useTranslation();
  const plan = usePlan(contract);
  return (
    <Select
      {...props}
      mode="multiple"
      allowClear
      style={{ minWidth: 260 }}
      placeholder={t('contracts.payments.oldestFirst')}
      data-testid="payment-instalment"
      options={(plan.data ?? []).filter((i) => i.status !== 'paid').map((i) => ({ value: i.id, label: label(i, i18n.language) }))}
    />
  );
}

/** With several instalments chosen, how much of the payment goes to each. */
function SplitFields({ contract }: { contract: Contract }) {
  const { t, i18n } = useTranslation();
  const ids = (Form.useWatch('instalmentIds') as string[] | undefined) ?? [];
  const plan = usePlan(contract);
  if (ids.length < 2) return null;
  return (
    <>
      {ids.map((id) => {
        const i = plan.data?.find((x) => x.id === id);
        return (
          <Form.Item key={id} name={['split', id]} rules={[{ required: true, pattern: MONEY }]}>
            <Input
              prefix={i ? formatDate(i.dueOn, i18n.language) : ''}
              placeholder={t('contracts.payments.splitAmount')}
              style={{ width: 220 }}
              data-testid={`payment-split-${i?.dueOn ?? id}`}
            />
          </Form.Item>
        );
      })}
    </>
  );
}

const METHODS = ['bank_transfer', 'cash', 'cheque', 'card', 'alipay', 'wechat_pay', 'other'];
export type PaymentValues = {
  instalmentIds?: string[];
  split?: Record<string, string>;
  receivedOn: string;
  amount: string;
  method: string;
  bankReference?: string;
  keepCredit?: boolean;
};

/** The request for the form's values: the contract (oldest due first), one instalment, or explicit amounts per instalment. */
export function paymentRequest(v: PaymentValues, contractId: string): PaymentRequest {
  const ids = v.instalmentIds ?? [];
  const base: PaymentRequest = {
    receivedOn: v.receivedOn,
    amount: v.amount,
    method: v.method,
    ...(v.bankReference ? { bankReference: v.bankReference } : {}),
    ...(v.keepCredit ? { keepCredit: true } : {}),
  };
  if (ids.length === 0) return { ...base, contractId };
  if (ids.length === 1) return { ...base, instalmentId: ids[0] as string };
  return { ...base, allocations: ids.map((id) => ({ instalmentId: id, amount: v.split?.[id] ?? '' })) };
}

/** The payment form's fields (inside the payments tab's form). */
export function PaymentFields({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="instalmentIds">
        <InstalmentSelect contract={contract} />
      </Form.Item>
      <SplitFields contract={contract} />
      <Form.Item name="receivedOn" rules={[{ required: true, pattern: DATE }]}>
        <Input style={{ width: 130 }} />
      </Form.Item>
      <Form.Item name="amount" rules={[{ required: true, pattern: MONEY }]}>
        <Input placeholder={t('contracts.payments.amount')} style={{ width: 140 }} data-testid="payment-amount" />
      </Form.Item>
      <Form.Item name="method">
        <Select style={{ width: 130 }} options={METHODS.map((m) => ({ value: m, label: t(`contracts.method.${m}`) }))} />
      </Form.Item>
      <Form.Item name="bankReference">
        <Input placeholder={t('contracts.payments.bankReference')} style={{ width: 160 }} data-testid="payment-reference" />
      </Form.Item>
      <Form.Item name="keepCredit" valuePropName="checked">
        <Checkbox data-testid="payment-keep-credit">{t('contracts.payments.keepCredit')}</Checkbox>
      </Form.Item>
    </>
  );
}

/** Which instalments a payment paid (and what it left as credit). */
export function AllocationList({ contract, allocations, credit }: { contract: Contract; allocations: Allocation[]; credit: string }) {
  const { t, i18n } = useTranslation();
  const plan = usePlan(contract);
  const m = (v: string) => formatMoney(v, contract.currency, i18n.language);
  return (
    <Space direction="vertical" size={0}>
      {allocations.map((a) => {
        const i = plan.data?.find((x) => x.id === a.instalmentId);
        return (
          <span key={a.instalmentId}>
            {i ? formatDate(i.dueOn, i18n.language) : '—'} · {m(a.amount)}
          </span>
        );
      })}
      {Number(credit) > 0 && <Typography.Text type="success">{t('contracts.payments.credit', { amount: m(credit) })}</Typography.Text>}
    </Space>
  );
}

/** Uses the customer's credit on the contract against one instalment (or the open ones oldest due first). */
export function UseCreditButton({ contract, instalmentId }: { contract: Contract; instalmentId?: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  // Credit stays recorded on a terminated contract but pays nothing there (refused by the server).
  if (!(Number(contract.creditAmount) > 0) || contract.status === 'terminated') return null;
  const apply = () =>
    contractsApi.applyCredit(contract.id, instalmentId ? { instalmentId } : {}).then(() => qc.invalidateQueries({ queryKey: ['contracts'] }), fail);
  return (
    <Button size="small" onClick={() => void apply()} data-testid={instalmentId ? `use-credit-${instalmentId}` : 'use-credit'}>
      {t('contracts.credit.use')}
    </Button>
  );
}
