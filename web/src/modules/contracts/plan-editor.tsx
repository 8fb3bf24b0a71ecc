import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '#shared/format/format';
import { type Contract, contractsApi, type PlanLine } from './contracts-api';
import { DATE, localToday } from './payment-form';
import { fail } from './related-part-tab';

type Line = { dueOn: string; kind: 'percent' | 'amount'; value: string };
const NUMBER = /^\d+(\.\d{1,4})?$/;

/** A month after `day` (yyyy-mm-dd), for the next line's suggested due date. */
const nextMonth = (day: string) => {
  const d = new Date(`${day}T00:00:00`);
  d.setMonth(d.getMonth() + 1);
  return d.toLocaleDateString('sv-SE');
};

/** What the lines come to, as the user types (the server computes the stored amounts in decimal). */
function Totals({ contract }: { contract: Contract }) {
  const { t, i18n } = useTranslation();
  const lines = (Form.useWatch('lines') as Line[] | undefined) ?? [];
  const percent = lines.filter((l) => l?.kind === 'percent').reduce((s, l) => s + (Number(l.value) || 0), 0);
  const amount = lines.filter((l) => l?.kind === 'amount').reduce((s, l) => s + (Number(l.value) || 0), 0);
  const total = amount + (Number(contract.amount) * percent) / 100;
  const ok = Math.abs(total - Number(contract.amount)) < 0.005;
  return (
    <Typography.Text type={ok ? 'success' : 'warning'} data-testid="plan-editor-total">
      {t('contracts.planEditor.total', {
        planned: formatMoney(total.toFixed(2), contract.currency, i18n.language),
        amount: formatMoney(contract.amount, contract.currency, i18n.language),
      })}
    </Typography.Text>
  );
}

/** Sets the whole plan at once, by percentages of the contract total (30 % / 40 % / 30 %) or amounts. */
export function PlanEditor({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ lines: Line[] }>();
  const save = async ({ lines }: { lines: Line[] }) => {
    const plan: PlanLine[] = lines.map((l) => (l.kind === 'percent' ? { dueOn: l.dueOn, percent: l.value } : { dueOn: l.dueOn, amount: l.value }));
    try {
      await contractsApi.setPlan(contract.id, plan);
      await qc.invalidateQueries({ queryKey: ['contracts'] });
      setOpen(false);
    } catch (e) {
      fail(e);
    }
  };
  const first = localToday();
  if (contract.status === 'terminated') return null; // the server takes no plan on a terminated contract
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="plan-by-percent">
        {t('contracts.planEditor.open')}
      </Button>
      <Modal
        open={open}
        title={t('contracts.planEditor.title')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('contracts.planEditor.save')}
        okButtonProps={{ ...({ 'data-testid': 'plan-save' } as object) }}
        width={640}
        destroyOnHidden
      >
        <Form<{ lines: Line[] }>
          form={form}
          onFinish={(v) => void save(v)}
          initialValues={{
            lines: [
              { dueOn: first, kind: 'percent', value: '' },
              { dueOn: nextMonth(first), kind: 'percent', value: '' },
            ],
          }}
        >
          <Form.List name="lines">
            {(fields, { add, remove }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {fields.map((f, i) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true, pattern: DATE, message: t('contracts.planEditor.dateHint') }]}>
                      <Input style={{ width: 130 }} placeholder={t('contracts.plan.dueOn')} data-testid={`plan-line-due-${i}`} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'kind']}>
                      <Select
                        style={{ width: 110 }}
                        data-testid={`plan-line-kind-${i}`}
                        options={[
                          { value: 'percent', label: t('contracts.planEditor.percent') },
                          { value: 'amount', label: t('contracts.planEditor.amount') },
                        ]}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'value']} rules={[{ required: true, pattern: NUMBER, message: t('contracts.planEditor.numberHint') }]}>
                      <Input style={{ width: 150 }} data-testid={`plan-line-value-${i}`} />
                    </Form.Item>
                    {fields.length > 1 && <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('contracts.planEditor.remove')} />}
                  </Space>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  data-testid="plan-line-add"
                  onClick={() => {
                    const lines = (form.getFieldValue('lines') as Line[] | undefined) ?? [];
                    const last = lines[lines.length - 1];
                    add({ dueOn: nextMonth(last?.dueOn && DATE.test(last.dueOn) ? last.dueOn : first), kind: last?.kind ?? 'percent', value: '' });
                  }}
                >
                  {t('contracts.planEditor.add')}
                </Button>
                <Totals contract={contract} />
              </Space>
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}
