import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#platform/deps.ts';
import { ZIdParams } from '#platform/http/list-query.ts';
import { getEntries, putEntries } from './price-book-entries.service.ts';
import { ZPriceBookEntry, ZPutPriceBookEntriesRequest } from './products.schema.ts';

/** Price book entries (product -> price), beside the standard record routes of products and price books. */
export function priceBookEntryRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['price-books'];
  const url = '/api/v1/price-books/:id/entries';
  const response = { 200: z.object({ data: z.array(ZPriceBookEntry) }) };

  r.get(url, { schema: { tags, summary: "A price book's prices with their products", params: ZIdParams, response } }, async (req) => ({
    data: await getEntries({ deps, ctx: req.ctx, id: req.params.id }),
  }));

  r.put(
    url,
    {
      schema: {
        tags,
        summary: "Replace a price book's prices (update permission on the book)",
        params: ZIdParams,
        body: ZPutPriceBookEntriesRequest,
        response,
      },
    },
    async (req) => ({ data: await putEntries({ deps, ctx: req.ctx, id: req.params.id, input: req.body }) }),
  );
}
