import type { TestApp, TestUser } from '#test/app.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Products, a price book and a deal to quote from, over the HTTP API. */
export function quotesKit(t: TestApp) {
  const call = (user: TestUser, method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.request(user, { method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const created = async (user: TestUser, url: string, payload: unknown) => {
    const res = await call(user, 'POST', url, payload);
    if (res.statusCode !== 201) throw new Error(`POST ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  let skus = 0;
  return {
    call,
    product: (input: Record<string, unknown> = {}) =>
      created(t.admin, '/api/v1/products', { sku: `SKU-${++skus}`, name: `产品 ${skus}`, listPrice: '100.00', taxRate: '13', ...input }),
    priceBook: async (input: Record<string, unknown>, prices: { productId: string; unitPrice: string }[]) => {
      const book = await created(t.admin, '/api/v1/price-books', { name: '标准价 Standard', ...input });
      const res = await call(t.admin, 'PUT', `/api/v1/price-books/${book.id}/entries`, { entries: prices });
      if (res.statusCode !== 200) throw new Error(`entries: ${res.statusCode} ${res.body}`);
      return book;
    },
    company: (user: TestUser, name = '星辰科技') => created(user, '/api/v1/companies', { name }),
    deal: (user: TestUser, input: Record<string, unknown>) => created(user, '/api/v1/deals', { amount: '1000', ...input }),
    quote: (user: TestUser, input: Record<string, unknown>) => call(user, 'POST', '/api/v1/quotes', input),
  };
}
