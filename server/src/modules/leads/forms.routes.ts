import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#platform/deps.ts';
import { expectedVersion, withEtag } from '#platform/http/conditional.ts';
import { ZIdParams } from '#platform/http/list-query.ts';
import { pickLocale, translate } from '#platform/i18n/i18n.ts';
import { formScript } from './form-snippet.rules.ts';
import { ZCreateLeadFormRequest, ZFormSubmission, ZLeadForm, ZPublicForm, ZUpdateLeadFormRequest } from './forms.schema.ts';
import { createLeadForm, getLeadForm, listLeadForms, updateLeadForm } from './forms.service.ts';
import { confirmLead } from './optin.service.ts';
import { activeForm, originAllowed, type PublicRequest, publicFormDefinition, submitForm } from './public-form.service.ts';

/** Submissions per IP and form per minute (KEHU_FORM_RATE_LIMIT, default 10). */
const formRateLimit = () => Number(process.env.KEHU_FORM_RATE_LIMIT) || 10;
const ownOrigin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;
/** Where links in mails and the snippet point: KEHU_PUBLIC_URL, else the address the request came to. */
const publicBase = (req: FastifyRequest) => (process.env.KEHU_PUBLIC_URL || ownOrigin(req)).replace(/\/$/, '');

function publicRequest(req: FastifyRequest): PublicRequest {
  return {
    origin: req.headers.origin,
    ownOrigin: ownOrigin(req),
    ip: req.ip,
    userAgent: req.headers['user-agent'] ?? null,
    requestId: req.id,
    locale: pickLocale(req.headers['accept-language']),
    publicBase: publicBase(req),
  };
}

/** CORS for one allowed origin only; other origins get no CORS headers (and a 403 from the handler). */
function allowOrigin(reply: FastifyReply, origin: string) {
  reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
}

const ZFormParams = z.object({ formId: z.uuid() }).strict();

export function formsRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['lead-forms'];

  r.get('/api/v1/lead-forms', { schema: { tags, summary: 'Web forms', response: { 200: z.object({ data: z.array(ZLeadForm) }) } } }, async (req) => ({
    data: await listLeadForms({ deps, ctx: req.ctx }),
  }));
  r.get('/api/v1/lead-forms/:id', { schema: { tags, summary: 'One web form', params: ZIdParams, response: { 200: ZLeadForm } } }, async (req, reply) =>
    withEtag(reply, await getLeadForm({ deps, ctx: req.ctx, id: req.params.id })),
  );
  r.post(
    '/api/v1/lead-forms',
    { schema: { tags, summary: 'Define a web form (admins)', body: ZCreateLeadFormRequest, response: { 201: ZLeadForm } } },
    async (req, reply) => reply.status(201).send(withEtag(reply, await createLeadForm({ deps, ctx: req.ctx, input: req.body }))),
  );
  r.patch(
    '/api/v1/lead-forms/:id',
    { schema: { tags, summary: 'Change a web form (admins; If-Match)', params: ZIdParams, body: ZUpdateLeadFormRequest, response: { 200: ZLeadForm } } },
    async (req, reply) => withEtag(reply, await updateLeadForm({ deps, ctx: req.ctx, id: req.params.id, input: req.body, version: expectedVersion(req) })),
  );
  r.delete('/api/v1/lead-forms/:id', { schema: { tags, summary: 'Delete a web form (admins)', params: ZIdParams } }, async (req, reply) => {
    await updateLeadForm({ deps, ctx: req.ctx, id: req.params.id, input: { active: false }, version: expectedVersion(req), deleted: true });
    return reply.status(204).send();
  });

  // Public: no sign-in; CORS only for the form's allowed origins.
  const pub = { public: true } as const;
  r.get(
    '/api/public/forms/:formId',
    { config: pub, schema: { tags, summary: 'A form as the embedded script renders it (public)', params: ZFormParams, response: { 200: ZPublicForm } } },
    async (req, reply) => {
      const form = await publicFormDefinition({ deps, formId: req.params.formId, req: publicRequest(req) });
      if (req.headers.origin) allowOrigin(reply, req.headers.origin);
      return form;
    },
  );
  r.options('/api/public/forms/:formId/submit', { config: { ...pub, rateLimit: false }, schema: { hide: true, params: ZFormParams } }, async (req, reply) => {
    const form = await activeForm({ deps, formId: req.params.formId });
    const origin = req.headers.origin;
    if (originAllowed(form, origin, ownOrigin(req)))
      allowOrigin(
        reply
          .header('access-control-allow-methods', 'POST')
          .header('access-control-allow-headers', 'content-type, accept-language')
          .header('access-control-max-age', '600'),
        origin,
      );
    return reply.status(204).send();
  });
  r.post(
    '/api/public/forms/:formId/submit',
    {
      config: { ...pub, rateLimit: { max: formRateLimit(), timeWindow: '1 minute', keyGenerator: (req: FastifyRequest) => `form:${req.ip}:${req.url}` } },
      schema: {
        tags,
        summary: 'Submit a web form (public; allowed origins, honeypot, rate limit per IP)',
        params: ZFormParams,
        body: ZFormSubmission,
        response: { 200: z.object({ message: z.string(), redirectUrl: z.string().nullable(), confirmationRequired: z.boolean() }) },
      },
    },
    async (req, reply) => {
      const p = publicRequest(req);
      if (p.origin) reply.header('vary', 'Origin');
      const done = await submitForm({ deps, formId: req.params.formId, submission: req.body, req: p });
      if (p.origin) allowOrigin(reply, p.origin);
      return done;
    },
  );
  // CORS headers on refusals too, so the embedding page can read the problem.
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/public/forms/') && req.method === 'POST' && req.headers.origin && reply.statusCode >= 400 && reply.statusCode !== 403)
      allowOrigin(reply, req.headers.origin);
  });

  r.get(
    '/api/public/leads/confirm',
    { config: pub, schema: { tags, summary: 'Double opt-in confirmation link (public)', querystring: z.object({ token: z.string().max(500) }).strict() } },
    async (req, reply) => {
      const locale = pickLocale(req.headers['accept-language']);
      const { redirectUrl } = await confirmLead({ deps, token: req.query.token, requestId: req.id, ip: req.ip, locale });
      if (redirectUrl) return reply.redirect(redirectUrl);
      const text = translate(locale, 'mail.confirmed_page');
      return reply
        .type('text/html; charset=utf-8')
        .send(
          `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${text}</title><p style="font:16px system-ui;margin:3rem auto;max-width:32rem">${text}</p>`,
        );
    },
  );

  app.get('/forms/:formId.js', { config: pub, schema: { hide: true } }, async (req, reply) => {
    const { formId } = req.params as { formId: string };
    if (!z.uuid().safeParse(formId).success) return reply.status(404).type('application/javascript').send('/* unknown form */');
    return reply
      .type('application/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .header('access-control-allow-origin', '*')
      .header('cross-origin-resource-policy', 'cross-origin') // other sites embed it with <script src>
      .send(formScript(publicBase(req), formId));
  });
}
