import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { createRecord } from '#platform/records/record-service.ts';
import { putEntries } from './price-book-entries.service.ts';
import { priceBookDefinition, productDefinition } from './products.definition.ts';

const DEMO_PRODUCTS = [
  {
    sku: 'CRM-STD',
    name: '客户管理 标准版（年）',
    nameEn: 'CRM Standard (yearly)',
    category: '软件订阅',
    unit: '用户/年',
    listPrice: '1200.00',
    taxRate: '6',
    book: '999.00',
  },
  {
    sku: 'CRM-PRO',
    name: '客户管理 专业版（年）',
    nameEn: 'CRM Professional (yearly)',
    category: '软件订阅',
    unit: '用户/年',
    listPrice: '2400.00',
    taxRate: '6',
    book: '2100.00',
  },
  {
    sku: 'IMPL-DAY',
    name: '实施服务（人天）',
    nameEn: 'Implementation (person-day)',
    category: '专业服务',
    unit: '人天',
    listPrice: '2500.00',
    taxRate: '6',
    book: '2200.00',
  },
  {
    sku: 'TRAIN-SESS',
    name: '现场培训（场）',
    nameEn: 'On-site training (session)',
    category: '专业服务',
    unit: '场',
    listPrice: '6000.00',
    taxRate: '6',
    book: '5000.00',
  },
  {
    sku: 'HW-SCAN',
    name: '扫码终端',
    nameEn: 'Barcode terminal',
    category: '硬件',
    unit: '台',
    listPrice: '1880.00',
    taxRate: '13',
    book: '1680.00',
    stockOnHand: '300',
    lowStockThreshold: '50',
  },
];

/** Five bilingual products and one price book (标准价格表) pricing all of them; returns the price book's id. */
export async function seedDemoProducts(o: { deps: Deps; ctx: RequestContext }): Promise<{ products: number; priceBookId: string }> {
  const ids: { productId: string; unitPrice: string }[] = [];
  for (const p of DEMO_PRODUCTS) {
    const { book, ...input } = p;
    const product = await createRecord({ deps: o.deps, ctx: o.ctx, def: productDefinition, input });
    ids.push({ productId: product.id, unitPrice: book });
  }
  const priceBook = await createRecord({
    deps: o.deps,
    ctx: o.ctx,
    def: priceBookDefinition,
    input: { name: '标准价格表 Standard', currency: 'CNY', description: '渠道与直销通用 For direct and channel sales' },
  });
  await putEntries({ deps: o.deps, ctx: o.ctx, id: priceBook.id, input: { entries: ids } });
  return { products: DEMO_PRODUCTS.length, priceBookId: priceBook.id };
}
