import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#platform/deps.ts';
import { withEtag } from '#platform/http/conditional.ts';
import { ZIdParams } from '#platform/http/list-query.ts';
import { emailQuote, quotePdf } from './quote-pdf.service.ts';
import { reviseQuote } from './quote-revise.service.ts';
import { decideQuote, sendQuote, submitQuote } from './quote-status.service.ts';
import { COMPUTED_AMOUNTS, ZDecideQuoteRequest, ZEmailQuoteRequest, ZQuote, ZQuotePdfQuery, ZSubmitQuoteRequest } from './quotes.schema.ts';

/** A quote's status actions and revisions, beside its standard record routes. */
export function quoteRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['quotes'];
  const base = '/api/v1/quotes/:id';

  // A client's totals are ignored, not refused (#19): the server computes every amount from the lines.
  app.addHook('preValidation', async (req) => {
    const url = req.routeOptions.url;
    if ((url !== '/api/v1/quotes' && url !== base) || (req.method !== 'POST' && req.method !== 'PATCH')) return;
    const body = req.body as Record<string, unknown> | null;
    if (body && typeof body === 'object' && !Array.isArray(body)) for (const key of COMPUTED_AMOUNTS) delete body[key];
  });

  r.post(
    `${base}/submit`,
    {
      schema: {
        tags,
        summary: 'Submit a draft: into approval when a process for quotes applies (e.g. discount > 20), else approved at once',
        params: ZIdParams,
        body: ZSubmitQuoteRequest,
        response: { 200: z.object({ quote: ZQuote, approvalId: z.string().nullable() }) },
      },
    },
    async (req) => submitQuote({ deps, ctx: req.ctx, id: req.params.id, comment: req.body.comment }),
  );

  r.post(
    `${base}/send`,
    { schema: { tags, summary: 'Mark an approved quote as sent to the customer', params: ZIdParams, response: { 200: ZQuote } } },
    async (req, reply) => withEtag(reply, await sendQuote({ deps, ctx: req.ctx, id: req.params.id })),
  );

  r.post(
    `${base}/decide`,
    {
      schema: { tags, summary: "Record the customer's answer to a sent quote", params: ZIdParams, body: ZDecideQuoteRequest, response: { 200: ZQuote } },
    },
    async (req, reply) => withEtag(reply, await decideQuote({ deps, ctx: req.ctx, id: req.params.id, outcome: req.body.outcome })),
  );

  r.post(
    `${base}/revise`,
    {
      schema: {
        tags,
        summary: 'A new draft version of a quote out of draft (same number, next revision); the old one is kept',
        params: ZIdParams,
        response: { 201: ZQuote },
      },
    },
    async (req, reply) => reply.status(201).send(withEtag(reply, await reviseQuote({ deps, ctx: req.ctx, id: req.params.id }))),
  );

  r.get(
    `${base}/pdf`,
    {
      schema: {
        tags,
        summary: 'The quote as a PDF in zh-CN or en (default: the request language); read scope and field masking as for the quote',
        params: ZIdParams,
        querystring: ZQuotePdfQuery,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const { filename, pdf } = await quotePdf({ deps, ctx: req.ctx, id: req.params.id, locale: req.query.locale ?? req.ctx.locale });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${encodeURIComponent(filename)}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  r.post(
    `${base}/email`,
    {
      schema: {
        tags,
        summary: "E-mail an approved or sent quote with its PDF attached (default recipient: the quote's contact); an approved quote becomes sent",
        params: ZIdParams,
        body: ZEmailQuoteRequest,
        response: { 202: z.object({ quote: ZQuote, mailId: z.string(), to: z.string() }) },
      },
    },
    async (req, reply) => {
      const { to, subject, message, locale } = req.body;
      const sent = await emailQuote({ deps, ctx: req.ctx, id: req.params.id, to, subject, message, locale: locale ?? req.ctx.locale });
      return reply.status(202).send(sent);
    },
  );
}
