import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';

describe.skipIf(!databaseAvailable)('products and price books', () => {
  let t: TestApp;
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, lang = 'en') =>
    t.request(t.admin, { method, url, headers: { 'accept-language': lang }, ...(payload === undefined ? {} : { payload: payload as object }) });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('a product: base currency by default, SKU unique per tenant whatever its case, filters, search and custom fields', async () => {
    const res = await call('POST', '/api/v1/products', {
      sku: 'CRM-PRO',
      name: '专业版 年度订阅',
      nameEn: 'Professional, yearly',
      category: '软件',
      listPrice: 2400,
      taxRate: '6',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ sku: 'CRM-PRO', currency: 'CNY', listPrice: '2400.00', taxRate: '6.00', active: true });
    const dup = await call('POST', '/api/v1/products', { sku: 'crm-pro', name: 'x' }, 'zh-CN');
    expect(dup.statusCode).toBe(400);
    expect(dup.json().errors).toEqual([{ field: 'sku', message: '产品编码 crm-pro 已被其他产品使用' }]);
    expect((await call('POST', '/api/v1/products', { sku: 'X-1', name: 'x', taxRate: '101' })).json().errors).toEqual([
      { field: 'taxRate', message: 'Give a percentage from 0 to 100' },
    ]);
    expect((await call('POST', '/api/v1/products', { sku: 'X-2', name: 'x', listPrice: '-1' })).statusCode).toBe(400);
    await call('POST', '/api/v1/products', { sku: 'SVC-1', name: '实施服务', category: '服务', listPrice: '2500.00', currency: 'usd' });
    const services = (await call('GET', `/api/v1/products?filter=${encodeURIComponent(JSON.stringify({ category: { eq: '服务' } }))}`)).json().data;
    expect(services.map((p: { sku: string; currency: string }) => [p.sku, p.currency])).toEqual([['SVC-1', 'USD']]);
    expect((await call('GET', `/api/v1/products?q=${encodeURIComponent('专业')}`)).json().data.map((p: { sku: string }) => p.sku)).toEqual(['CRM-PRO']);
    expect((await call('GET', '/api/v1/products?q=yearly')).json().data.map((p: { sku: string }) => p.sku)).toEqual(['CRM-PRO']);
    await t.defineCustomField(t.admin, { object: 'product', key: 'brand', label: { zh: '品牌', en: 'Brand' }, type: 'text' });
    const id = res.json().id;
    const patched = await t.request(t.admin, {
      method: 'PATCH',
      url: `/api/v1/products/${id}`,
      payload: { custom: { brand: 'Kehu' } },
      headers: { 'if-match': '"1"' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().custom).toEqual({ brand: 'Kehu' });
    // Recycle bin: the SKU is free again while the product is deleted.
    expect((await call('DELETE', `/api/v1/products/${id}`)).statusCode).toBe(204);
    expect((await call('POST', '/api/v1/products', { sku: 'CRM-PRO', name: '新专业版' })).statusCode).toBe(201);
    // Restoring the old one now would give two live products one SKU: refused, nothing written.
    const restore = await call('POST', `/api/v1/products/${id}/restore`, undefined, 'zh-CN');
    expect(restore.statusCode).toBe(409);
    expect(restore.json().detail).toBe('产品编码 CRM-PRO 已被其他产品使用');
  });

  it('a price book: one currency, valid dates in order, a price per live product, replaced as a whole and audited', async () => {
    const p = (await call('POST', '/api/v1/products', { sku: 'BOOK-1', name: '标准版', listPrice: '1000' })).json();
    expect((await call('POST', '/api/v1/price-books', { name: '渠道价', validFrom: '2026-12-31', validTo: '2026-01-01' })).json().errors).toEqual([
      { field: 'validTo', message: 'The price book cannot end before it starts' },
    ]);
    const book = (await call('POST', '/api/v1/price-books', { name: '渠道价 Distributor', validFrom: '2026-01-01' })).json();
    expect(book).toMatchObject({ currency: 'CNY', active: true, validFrom: '2026-01-01', validTo: null });
    const put = await call('PUT', `/api/v1/price-books/${book.id}/entries`, { entries: [{ productId: p.id, unitPrice: '850.50' }] });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().data).toEqual([expect.objectContaining({ productId: p.id, sku: 'BOOK-1', unitPrice: '850.50', listPrice: '1000.00' })]);
    const twice = await call('PUT', `/api/v1/price-books/${book.id}/entries`, {
      entries: [
        { productId: p.id, unitPrice: '1' },
        { productId: p.id, unitPrice: '2' },
      ],
    });
    expect(twice.statusCode).toBe(400);
    const missing = await call('PUT', `/api/v1/price-books/${book.id}/entries`, {
      entries: [{ productId: '01890000-0000-7000-8000-000000000000', unitPrice: '1' }],
    });
    expect(missing.statusCode).toBe(400);
    expect((await call('GET', `/api/v1/price-books/${book.id}/entries`)).json().data).toHaveLength(1);
    const audit = await sql<{ action: string }>`select action from audit_log where object_type = 'price_book' and object_id = ${book.id}`.execute(t.db.kysely);
    expect(audit.rows.map((r) => r.action).sort()).toEqual(['created', 'updated']);
  });
});
