import { Descriptions, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber } from '#shared/format/format';
import type { Quote, QuoteLine } from './quotes-api';

/** What a priced document (a quote, an order) shows: its lines and totals. */
export type PricedDocument = Pick<Quote, 'lines' | 'currency' | 'baseCurrency' | 'grossTotal' | 'discountAmount' | 'taxTotal' | 'total' | 'totalBase'> & {
  discount?: string;
};

/** A line's product in the reader's language: the English name in English when the product has one. */
const productName = (l: QuoteLine, lang: string) => (lang.startsWith('en') && l.nameEn ? l.nameEn : l.name);

/** The lines and totals exactly as the server computed them (a quote's or an order's). */
export function QuoteLinesTable({ quote }: { quote: PricedDocument }) {
  const { t, i18n } = useTranslation();
  const money = (v: string | null) => formatMoney(v, quote.currency, i18n.language);
  return (
    <>
      <Table<QuoteLine>
        rowKey={(_, i) => String(i)}
        size="small"
        pagination={false}
        dataSource={quote.lines}
        scroll={{ x: 800 }}
        data-testid="quote-lines"
        columns={[
          { title: t('quotes.lines.product'), render: (_, l) => (l.sku ? `${l.sku} · ${productName(l, i18n.language)}` : productName(l, i18n.language)) },
          { title: t('quotes.lines.quantity'), align: 'right', render: (_, l) => `${formatNumber(l.quantity, i18n.language)} ${l.unit ?? ''}` },
          { title: t('quotes.lines.unitPrice'), align: 'right', render: (_, l) => money(l.unitPrice) },
          { title: t('quotes.lines.discount'), align: 'right', render: (_, l) => `${formatNumber(l.discountPercent, i18n.language)} %` },
          { title: t('quotes.lines.net'), align: 'right', render: (_, l) => money(l.taxable) },
          { title: t('quotes.lines.taxRate'), align: 'right', render: (_, l) => `${formatNumber(l.taxRate, i18n.language)} %` },
          { title: t('quotes.lines.tax'), align: 'right', render: (_, l) => money(l.tax) },
          { title: t('quotes.lines.total'), align: 'right', render: (_, l) => <strong>{money(l.total)}</strong> },
        ]}
      />
      <Descriptions size="small" column={1} bordered style={{ maxWidth: 420, marginLeft: 'auto', marginTop: 16 }} data-testid="quote-totals">
        <Descriptions.Item label={t('quotes.fields.grossTotal')}>{money(quote.grossTotal)}</Descriptions.Item>
        <Descriptions.Item
          label={
            quote.discount === undefined
              ? t('quotes.fields.discountAmount')
              : `${t('quotes.fields.discountAmount')} (${formatNumber(quote.discount, i18n.language)} %)`
          }
        >
          −{money(quote.discountAmount)}
        </Descriptions.Item>
        <Descriptions.Item label={t('quotes.fields.taxTotal')}>{money(quote.taxTotal)}</Descriptions.Item>
        <Descriptions.Item label={t('quotes.fields.total')}>
          <strong data-testid="quote-total">{money(quote.total)}</strong>
        </Descriptions.Item>
        {quote.currency !== quote.baseCurrency && (
          <Descriptions.Item label={t('quotes.fields.totalBase')}>{formatMoney(quote.totalBase, quote.baseCurrency, i18n.language)}</Descriptions.Item>
        )}
      </Descriptions>
    </>
  );
}
