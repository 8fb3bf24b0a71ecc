import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Locale, translate } from '#platform/i18n/i18n.ts';
import type { TQuoteLine } from './quote-fields.definition.ts';
import type { TQuote } from './quotes.schema.ts';

/**
 * Noto Sans SC (OFL) ships through npm (@expo-google-fonts/noto-sans-sc): Chinese and Latin render on
 * a machine without any system font; pdfkit embeds only the glyphs a document uses (docs/decisions.md).
 */
const require = createRequire(import.meta.url);
const fontFile = (weight: string) => require.resolve(`@expo-google-fonts/noto-sans-sc/${weight}/NotoSansSC_${weight}.ttf`);
let fonts: { regular: Buffer; bold: Buffer } | undefined;
const loadFonts = () => {
  fonts ??= { regular: readFileSync(fontFile('400Regular')), bold: readFileSync(fontFile('700Bold')) };
  return fonts;
};

export type QuotePdfOptions = { quote: TQuote; locale: Locale; tenantName: string };

/** 1234567.5 as "1,234,567.50": grouping on the decimal string, never through a float. */
export function formatAmount(value: string | null | undefined, places = 2): string {
  if (value == null || value === '') return '';
  const negative = value.startsWith('-');
  const [int = '0', frac = ''] = (negative ? value.slice(1) : value).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const digits = places > 0 ? `.${frac.padEnd(places, '0').slice(0, places)}` : '';
  return `${negative ? '-' : ''}${grouped}${digits}`;
}

/** A quantity without trailing zeros ("1.5", "3"). */
const formatQuantity = (q: string) => (q.includes('.') ? q.replace(/0+$/, '').replace(/\.$/, '') : q);

/** The line's item name in the document's language: a product's English name in English, else its name. */
export const lineName = (line: TQuoteLine, locale: Locale) => (locale === 'en' && line.nameEn ? line.nameEn : line.name);

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const INK = '#1f2937';
const MUTED = '#6b7280';
const BRAND = '#1677ff';
const RULE = '#d1d5db';

type Column = { key: string; width: number; align: 'left' | 'right' };
const COLUMNS: Column[] = [
  { key: 'no', width: 22, align: 'left' },
  { key: 'item', width: 170, align: 'left' },
  { key: 'quantity', width: 50, align: 'right' },
  { key: 'unit_price', width: 68, align: 'right' },
  { key: 'discount', width: 44, align: 'right' },
  { key: 'tax', width: 40, align: 'right' },
  { key: 'amount', width: 105, align: 'right' },
];

/**
 * A quote as a branded A4 PDF in one language (labels from the quotes module's locales): the
 * tenant's name, number and revision, customer, validity, lines, discounts, tax, totals and terms.
 * The quote is the API view the user may read (field masking already applied).
 */
export async function renderQuotePdf(o: QuotePdfOptions): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit'); // loaded on first use: two thirds of a second at start
  const { quote: q, locale } = o;
  const t = (key: string, params: Record<string, unknown> = {}) => translate(locale, `quotes.pdf.${key}`, params);
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `${t('title')} ${q.number}`, Author: o.tenantName, Creator: 'Kehu' },
    lang: locale,
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const right = A4.width - MARGIN;
  const contentWidth = right - MARGIN;

  // Header: the tenant (brand) on the left, the document's title and number on the right.
  doc.rect(0, 0, A4.width, 6).fill(BRAND);
  doc
    .fillColor(INK)
    .font('bold')
    .fontSize(18)
    .text(o.tenantName, MARGIN, 36, { width: contentWidth * 0.55 });
  doc.font('bold').fontSize(20).fillColor(BRAND).text(t('title'), MARGIN, 34, { width: contentWidth, align: 'right' });
  doc.font('regular').fontSize(10).fillColor(MUTED).text(t('title_other'), MARGIN, 60, { width: contentWidth, align: 'right' });

  const meta: [string, string][] = [
    [t('number'), q.revision > 1 ? `${q.number} (v${q.revision})` : q.number],
    [t('date'), (q.sentAt ?? q.createdAt).slice(0, 10)],
    [t('valid_until'), q.validUntil ?? '—'],
    [t('currency'), q.currency],
  ];
  let y = 92;
  for (const [label, value] of meta) {
    doc
      .font('regular')
      .fontSize(9)
      .fillColor(MUTED)
      .text(label, right - 210, y, { width: 90 });
    doc
      .font('regular')
      .fontSize(9)
      .fillColor(INK)
      .text(value, right - 120, y, { width: 120, align: 'right' });
    y += 14;
  }

  // The customer.
  let cy = 92;
  doc.font('bold').fontSize(10).fillColor(MUTED).text(t('customer'), MARGIN, cy);
  cy += 15;
  const customer = [q.company?.name, q.contact?.name ? `${t('attention')}: ${q.contact.name}` : null, q.deal?.name ? `${t('deal')}: ${q.deal.name}` : null];
  for (const line of customer.filter((l): l is string => !!l)) {
    doc
      .font(line === q.company?.name ? 'bold' : 'regular')
      .fontSize(10)
      .fillColor(INK)
      .text(line, MARGIN, cy, { width: contentWidth * 0.55 });
    cy = doc.y + 2;
  }
  if (q.owner?.name) {
    doc
      .font('regular')
      .fontSize(9)
      .fillColor(MUTED)
      .text(`${t('sales_rep')}: ${q.owner.name}`, MARGIN, cy + 2, { width: contentWidth * 0.55 });
    cy = doc.y;
  }
  doc
    .font('bold')
    .fontSize(12)
    .fillColor(INK)
    .text(q.name, MARGIN, Math.max(cy, y) + 14, { width: contentWidth });

  // The lines.
  y = doc.y + 10;
  const header = () => {
    doc.rect(MARGIN, y, contentWidth, 20).fill('#f3f4f6');
    let x = MARGIN + 4;
    for (const c of COLUMNS) {
      doc
        .font('bold')
        .fontSize(8.5)
        .fillColor(INK)
        .text(t(`col_${c.key}`), x, y + 6, { width: c.width - 6, align: c.align });
      x += c.width;
    }
    y += 24;
  };
  header();
  (q.lines ?? []).forEach((line, i) => {
    const name = lineName(line, locale);
    const sub = [line.sku, line.description].filter(Boolean).join(' · ');
    const nameHeight = doc
      .font('regular')
      .fontSize(9)
      .heightOfString(name, { width: COLUMNS[1]!.width - 6 });
    const subHeight = sub ? doc.fontSize(7.5).heightOfString(sub, { width: COLUMNS[1]!.width - 6 }) : 0;
    const height = Math.max(14, nameHeight + subHeight + 2);
    if (y + height > A4.height - MARGIN - 40) {
      doc.addPage();
      y = MARGIN;
      header();
    }
    const cells: Record<string, string> = {
      no: String(i + 1),
      quantity: `${formatQuantity(line.quantity)}${line.unit ? ` ${line.unit}` : ''}`,
      unit_price: formatAmount(line.unitPrice),
      discount: line.discountPercent === '0.00' ? '—' : `${line.discountPercent}%`,
      tax: `${line.taxRate}%`,
      amount: formatAmount(line.net),
    };
    let x = MARGIN + 4;
    for (const c of COLUMNS) {
      if (c.key === 'item') {
        doc
          .font('regular')
          .fontSize(9)
          .fillColor(INK)
          .text(name, x, y, { width: c.width - 6 });
        if (sub)
          doc
            .fontSize(7.5)
            .fillColor(MUTED)
            .text(sub, x, y + nameHeight, { width: c.width - 6 });
      } else
        doc
          .font('regular')
          .fontSize(9)
          .fillColor(INK)
          .text(cells[c.key] ?? '', x, y, { width: c.width - 6, align: c.align });
      x += c.width;
    }
    y += height + 6;
    doc
      .moveTo(MARGIN, y - 3)
      .lineTo(right, y - 3)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
  });

  // Totals.
  const totals: [string, string, boolean][] = [
    [t('gross_total'), formatAmount(q.grossTotal), false],
    [t('discount_amount', { percent: q.discount }), q.discountAmount === '0.00' ? '—' : `-${formatAmount(q.discountAmount)}`, false],
    [t('subtotal'), formatAmount(q.subtotal), false],
    [t('tax_total'), formatAmount(q.taxTotal), false],
    [t('total', { currency: q.currency }), formatAmount(q.total), true],
  ];
  if (q.headerDiscount !== '0.00') totals.splice(2, 0, [t('header_discount', { percent: q.headerDiscount }), '', false]);
  if (y + totals.length * 18 + 20 > A4.height - MARGIN) {
    doc.addPage();
    y = MARGIN;
  }
  y += 6;
  for (const [label, value, strong] of totals) {
    if (strong) {
      doc.rect(right - 250, y - 4, 250, 22).fill('#e6f4ff');
    }
    doc
      .font(strong ? 'bold' : 'regular')
      .fontSize(strong ? 11 : 9)
      .fillColor(strong ? BRAND : INK);
    doc.text(label, right - 244, y, { width: 140 });
    doc.text(value, right - 104, y, { width: 100, align: 'right' });
    y += strong ? 24 : 16;
  }
  if (q.totalBase && q.baseCurrency !== q.currency)
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(MUTED)
      .text(t('total_base', { currency: q.baseCurrency, amount: formatAmount(q.totalBase), rate: q.exchangeRate }), right - 250, y, {
        width: 246,
        align: 'right',
      });

  // Terms.
  y = doc.y + 16;
  if (q.terms) {
    if (y + 60 > A4.height - MARGIN) {
      doc.addPage();
      y = MARGIN;
    }
    doc.font('bold').fontSize(10).fillColor(INK).text(t('terms'), MARGIN, y);
    doc
      .font('regular')
      .fontSize(9)
      .fillColor(INK)
      .text(q.terms, MARGIN, doc.y + 4, { width: contentWidth });
  }
  if (q.validUntil)
    doc
      .font('regular')
      .fontSize(8.5)
      .fillColor(MUTED)
      .text(t('validity_note', { date: q.validUntil }), MARGIN, doc.y + 12, { width: contentWidth });

  // Footer on every page: the document and the page number.
  const range = doc.bufferedPageRange();
  for (let p = range.start; p < range.start + range.count; p++) {
    doc.switchToPage(p);
    // Below the bottom margin: without this pdfkit would start a new page for the footer.
    doc.page.margins.bottom = 0;
    const footer = `${o.tenantName} · ${q.number} · ${t('page', { page: p + 1, pages: range.count })}`;
    doc
      .font('regular')
      .fontSize(7.5)
      .fillColor(MUTED)
      .text(footer, MARGIN, A4.height - MARGIN + 16, { width: contentWidth, align: 'center', lineBreak: false });
  }
  doc.end();
  return done;
}
