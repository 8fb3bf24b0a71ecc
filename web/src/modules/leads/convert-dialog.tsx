import { App, Checkbox, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '#shared/api/problem';
import { recordsApi } from '#shared/records/records-api';
import { type ConvertRequest, type ConvertResult, type Lead, leadsApi } from './leads-api';

type Values = {
  contactMode: 'create' | 'link';
  contactId?: string;
  companyMode: 'create' | 'link' | 'none';
  companyId?: string;
  companyName?: string;
  withDeal: boolean;
  dealName?: string;
  amount?: string;
  expectedCloseDate?: Dayjs | null;
};

function RecordPicker({
  object,
  value,
  onChange,
  placeholder,
}: {
  object: 'contacts' | 'companies';
  value?: string;
  onChange?: (v: string) => void;
  placeholder: string;
}) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const search = async (q: string) => {
    const page = await recordsApi.list(object, { q, limit: 20 });
    setOptions(page.data.map((r) => ({ value: r.id, label: String(r.name ?? r.id) })));
  };
  return (
    <Select
      showSearch
      filterOption={false}
      onSearch={(q) => void search(q)}
      onFocus={() => void search('')}
      options={options}
      {...(value ? { value } : {})}
      {...(onChange ? { onChange } : {})}
      placeholder={placeholder}
      data-testid={`convert-pick-${object}`}
    />
  );
}

/** Pick or create the company and contact, optionally open a deal; one request, one transaction. */
export function ConvertDialog({ lead, open, onClose, onDone }: { lead: Lead; open: boolean; onClose: () => void; onDone: (r: ConvertResult) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const contactMode = Form.useWatch('contactMode', form);
  const companyMode = Form.useWatch('companyMode', form);
  const withDeal = Form.useWatch('withDeal', form);

  const submit = async (v: Values) => {
    const body: ConvertRequest = {
      contact: v.contactMode === 'link' && v.contactId ? { mode: 'link', id: v.contactId } : { mode: 'create' },
      company:
        v.companyMode === 'link' && v.companyId
          ? { mode: 'link', id: v.companyId }
          : v.companyMode === 'none'
            ? { mode: 'none' }
            : { mode: 'create', ...(v.companyName ? { name: v.companyName } : {}) },
      deal:
        v.withDeal && v.dealName
          ? {
              name: v.dealName,
              ...(v.amount ? { amount: v.amount } : {}),
              ...(v.expectedCloseDate ? { expectedCloseDate: v.expectedCloseDate.format('YYYY-MM-DD') } : {}),
            }
          : null,
    };
    setBusy(true);
    try {
      const result = await leadsApi.convert(lead.id, body);
      message.success(t('leads.convertDialog.done', { contact: result.contact.name }));
      onDone(result);
    } catch (e) {
      message.error(isApiError(e) ? (e.fieldErrors[0]?.message ?? e.detail ?? e.message) : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('leads.convertDialog.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('leads.convert')}
      okButtonProps={{ loading: busy, id: 'convert-submit' }}
      destroyOnHidden
      width={560}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          contactMode: 'create',
          companyMode: lead.companyName ? 'create' : 'none',
          companyName: lead.companyName ?? '',
          withDeal: true,
          dealName: lead.companyName ? `${lead.companyName} - ${lead.name}` : lead.name,
          // A deal is opened with an amount and a close date the user has seen: proposed a month ahead, editable.
          expectedCloseDate: dayjs().add(30, 'day'),
        }}
      >
        <Form.Item name="companyMode" label={t('leads.convertDialog.company')}>
          <Radio.Group
            options={[
              { value: 'create', label: t('leads.convertDialog.createNew') },
              { value: 'link', label: t('leads.convertDialog.linkExisting') },
              { value: 'none', label: t('leads.convertDialog.none') },
            ]}
          />
        </Form.Item>
        {companyMode === 'create' && (
          <Form.Item name="companyName" label={t('leads.convertDialog.companyName')} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
        )}
        {companyMode === 'link' && (
          <Form.Item name="companyId" rules={[{ required: true }]}>
            <RecordPicker object="companies" placeholder={t('leads.convertDialog.pickCompany')} />
          </Form.Item>
        )}
        <Form.Item name="contactMode" label={t('leads.convertDialog.contact')}>
          <Radio.Group
            options={[
              { value: 'create', label: t('leads.convertDialog.createNew') },
              { value: 'link', label: t('leads.convertDialog.linkExisting') },
            ]}
          />
        </Form.Item>
        {contactMode === 'link' && (
          <Form.Item name="contactId" rules={[{ required: true }]}>
            <RecordPicker object="contacts" placeholder={t('leads.convertDialog.pickContact')} />
          </Form.Item>
        )}
        <Form.Item name="withDeal" valuePropName="checked">
          <Checkbox data-testid="convert-with-deal">{t('leads.convertDialog.createDeal')}</Checkbox>
        </Form.Item>
        {withDeal && (
          <>
            <Form.Item name="dealName" label={t('leads.convertDialog.dealName')} rules={[{ required: true }]}>
              <Input maxLength={200} data-testid="convert-deal-name" />
            </Form.Item>
            <Form.Item
              name="amount"
              label={t('leads.convertDialog.amount')}
              rules={[
                { required: true, message: t('validation.required') },
                { pattern: /^\d{1,18}(\.\d{1,2})?$/, message: t('leads.convertDialog.amountFormat') },
              ]}
            >
              <Input inputMode="decimal" data-testid="convert-amount" />
            </Form.Item>
            <Form.Item
              name="expectedCloseDate"
              label={t('leads.convertDialog.expectedCloseDate')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <DatePicker style={{ width: '100%' }} data-testid="convert-close-date" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
