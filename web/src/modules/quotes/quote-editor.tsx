import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { productKeys, productsApi } from '#modules/products';
import type { LineInput, Quote, QuoteInput } from './quotes-api';

type LineValues = { productId?: string | null; description?: string; quantity?: string; unitPrice?: string; discountPercent?: string; taxRate?: string };
type Values = { name?: string; priceBookId?: string | null; validUntil?: Dayjs | null; headerDiscount?: string; terms?: string; lines: LineValues[] };

type Props = {
  quote?: Quote;
  /** What a new quote starts from (a deal, a company or a contact). */
  origin?: Pick<QuoteInput, 'dealId' | 'companyId' | 'contactId'>;
  /** The currency a new quote will be in (its deal's), so the default price book is one in it. */
  currency?: string | undefined;
  submitLabel: string;
  onSubmit: (body: QuoteInput) => Promise<void>;
  onCancel: () => void;
};

const blank = (v: string | undefined) => (v === undefined || v === null || String(v).trim() === '' ? null : String(v));

/** A quote's header and lines; amounts are not computed here: the server prices the lines and sends the totals back. */
export function QuoteEditor({ quote, origin, currency, submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const bookId = Form.useWatch('priceBookId', form);
  const books = useQuery({ queryKey: productKeys.books, queryFn: productsApi.priceBooks });
  const entries = useQuery({ queryKey: productKeys.entries(bookId ?? ''), queryFn: () => productsApi.entries(bookId as string), enabled: !!bookId });
  const products = useQuery({ queryKey: productKeys.picker(''), queryFn: () => productsApi.products(''), enabled: !bookId });
  const productOptions = bookId
    ? (entries.data ?? []).map((e) => ({ value: e.productId, label: `${e.sku} · ${e.name}` }))
    : (products.data ?? []).map((p) => ({ value: p.id, label: `${p.sku} · ${p.name}` }));

  const initial: Values = quote
    ? {
        name: quote.name,
        priceBookId: quote.priceBookId,
        validUntil: quote.validUntil ? dayjs(quote.validUntil) : null,
        headerDiscount: quote.headerDiscount,
        terms: quote.terms ?? '',
        lines: quote.lines.map((l) => ({
          productId: l.productId,
          description: l.productId ? (l.description ?? '') : l.name,
          quantity: l.quantity,
          unitPrice: l.productId ? undefined : l.unitPrice,
          discountPercent: l.discountPercent,
          taxRate: l.taxRate,
        })),
      }
    : {
        priceBookId: books.data?.find((b) => b.active && (!currency || b.currency === currency))?.id ?? null,
        validUntil: dayjs().add(30, 'day'),
        headerDiscount: '0',
        lines: [{ quantity: '1' }],
      };

  const submit = async () => {
    const v = await form.validateFields();
    const lines: LineInput[] = v.lines.map((l) => ({
      productId: l.productId ?? null,
      description: blank(l.description),
      quantity: String(l.quantity ?? '1'),
      ...(l.productId ? {} : { unitPrice: blank(l.unitPrice) }),
      discountPercent: blank(l.discountPercent) ?? '0',
      ...(blank(l.taxRate) !== null ? { taxRate: blank(l.taxRate) } : {}),
    }));
    setSaving(true);
    try {
      await onSubmit({
        ...(quote ? {} : origin),
        ...(v.name ? { name: v.name } : {}),
        priceBookId: v.priceBookId ?? null,
        validUntil: v.validUntil ? v.validUntil.format('YYYY-MM-DD') : null,
        headerDiscount: blank(v.headerDiscount) ?? '0',
        terms: blank(v.terms),
        lines,
      });
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  if (!quote && books.isPending) return null;
  return (
    <Form form={form} layout="vertical" initialValues={initial} data-testid="quote-editor">
      <Space wrap align="start">
        <Form.Item name="name" label={t('quotes.fields.name')} rules={[{ max: 200 }]} style={{ minWidth: 320 }}>
          <Input placeholder={t('quotes.editor.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="priceBookId" label={t('quotes.fields.priceBook')} style={{ minWidth: 220 }}>
          <Select
            allowClear
            data-testid="quote-price-book"
            options={(books.data ?? []).filter((b) => b.active).map((b) => ({ value: b.id, label: `${b.name} (${b.currency})` }))}
          />
        </Form.Item>
        <Form.Item name="validUntil" label={t('quotes.fields.validUntil')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="headerDiscount" label={t('quotes.fields.headerDiscount')}>
          <InputNumber<string> stringMode min="0" max="100" step="0.5" addonAfter="%" data-testid="quote-header-discount" />
        </Form.Item>
      </Space>
      <Card size="small" title={t('quotes.fields.lines')} style={{ marginBottom: 16 }}>
        <Form.List name="lines">
          {(items, { add, remove }) => (
            <>
              {items.map((item, index) => (
                <LineRow key={item.key} name={item.name} index={index} productOptions={productOptions} onRemove={() => remove(item.name)} />
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ quantity: '1' })} data-testid="quote-add-line">
                {t('quotes.editor.addLine')}
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('quotes.editor.serverTotals')}
        </Typography.Paragraph>
      </Card>
      <Form.Item name="terms" label={t('quotes.fields.terms')}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Space>
        <Button type="primary" loading={saving} onClick={() => void submit()} data-testid="quote-save">
          {submitLabel}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}

function LineRow({
  name,
  index,
  productOptions,
  onRemove,
}: {
  name: number;
  index: number;
  productOptions: { value: string; label: string }[];
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const productId = Form.useWatch(['lines', name, 'productId'], form);
  return (
    <Space wrap align="start" style={{ display: 'flex' }} data-testid={`quote-line-${index}`}>
      <Form.Item name={[name, 'productId']} label={index === 0 ? t('quotes.lines.product') : undefined} style={{ width: 280 }}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('quotes.lines.freeText')}
          options={productOptions}
          data-testid={`line-product-${index}`}
        />
      </Form.Item>
      <Form.Item name={[name, 'description']} label={index === 0 ? t('quotes.lines.description') : undefined} style={{ width: 200 }}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name={[name, 'quantity']} label={index === 0 ? t('quotes.lines.quantity') : undefined} rules={[{ required: true }]}>
        <InputNumber<string> stringMode min="0.0001" style={{ width: 100 }} data-testid={`line-quantity-${index}`} />
      </Form.Item>
      {!productId && (
        <Form.Item name={[name, 'unitPrice']} label={index === 0 ? t('quotes.lines.unitPrice') : undefined}>
          <InputNumber<string> stringMode min="0" style={{ width: 120 }} />
        </Form.Item>
      )}
      <Form.Item name={[name, 'discountPercent']} label={index === 0 ? t('quotes.lines.discount') : undefined}>
        <InputNumber<string> stringMode min="0" max="100" addonAfter="%" style={{ width: 110 }} data-testid={`line-discount-${index}`} />
      </Form.Item>
      <Form.Item name={[name, 'taxRate']} label={index === 0 ? t('quotes.lines.taxRate') : undefined}>
        <InputNumber<string> stringMode min="0" max="100" addonAfter="%" style={{ width: 110 }} placeholder={t('quotes.lines.taxDefault')} />
      </Form.Item>
      <Form.Item label={index === 0 ? ' ' : undefined}>
        <Button type="text" icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('common.delete')} />
      </Form.Item>
    </Space>
  );
}
