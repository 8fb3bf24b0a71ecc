import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#platform/deps.ts';
import { expectedVersion, withEtag } from '#platform/http/conditional.ts';
import { ZIdParams } from '#platform/http/list-query.ts';
import { mergeCatalog } from './merge-context.service.ts';
import { MERGE_ROOTS } from './merge-fields.rules.ts';
import {
  ZCreateMailTemplateRequest,
  ZMailTemplate,
  ZMergeFields,
  ZMergeFieldsQuery,
  ZPreviewRequest,
  ZPreviewResponse,
  ZPutSmtpSettingsRequest,
  ZSendTemplateRequest,
  ZSentMail,
  ZSentMailQuery,
  ZSmtpSettings,
  ZTestMailRequest,
  ZTestMailResponse,
  ZUpdateMailTemplateRequest,
} from './mail.schema.ts';
import { listSentMail, resendMail } from './messages.service.ts';
import { getSmtpSettings, putSmtpSettings, sendTestMail } from './smtp-settings.service.ts';
import { previewTemplate, sendTemplate } from './template-send.service.ts';
import * as templates from './templates.service.ts';
import { inTenantRead } from '#db/tx.ts';

export function mailRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['mail'];
  r.get(
    '/api/v1/mail/settings',
    { schema: { tags, summary: 'The SMTP server e-mail goes out through (admin)', response: { 200: ZSmtpSettings } } },
    async (req, reply) => withEtag(reply, await getSmtpSettings({ deps, ctx: req.ctx })),
  );
  r.put(
    '/api/v1/mail/settings',
    {
      schema: {
        tags,
        summary: "Set the tenant's SMTP server; the password is encrypted at rest and never returned",
        body: ZPutSmtpSettingsRequest,
        response: { 200: ZSmtpSettings },
      },
    },
    async (req, reply) => withEtag(reply, await putSmtpSettings({ deps, ctx: req.ctx, input: req.body, version: expectedVersion(req) })),
  );
  r.post(
    '/api/v1/mail/settings/test',
    { schema: { tags, summary: 'Send a test e-mail now and wait for the SMTP answer', body: ZTestMailRequest, response: { 200: ZTestMailResponse } } },
    async (req) => sendTestMail({ deps, ctx: req.ctx, to: req.body.to }),
  );

  r.get(
    '/api/v1/mail/merge-fields',
    { schema: { tags, summary: 'The merge fields a template on `object` may name', querystring: ZMergeFieldsQuery, response: { 200: ZMergeFields } } },
    async (req) => {
      const catalog = await inTenantRead(deps.db.kysely, req.ctx.tenantId, (tx) => mergeCatalog({ tx, deps, object: req.query.object ?? null }));
      return { data: MERGE_ROOTS.flatMap((root) => catalog[root].map((f) => ({ root, path: `${root}.${f}` }))) };
    },
  );
  r.get(
    '/api/v1/mail/templates',
    { schema: { tags, summary: 'E-mail templates', response: { 200: z.object({ data: z.array(ZMailTemplate) }) } } },
    async (req) => ({
      data: await templates.listTemplates({ deps, ctx: req.ctx }),
    }),
  );
  r.post(
    '/api/v1/mail/templates',
    { schema: { tags, summary: 'Create a template (unknown merge fields are refused)', body: ZCreateMailTemplateRequest, response: { 201: ZMailTemplate } } },
    async (req, reply) => reply.status(201).send(withEtag(reply, await templates.createTemplate({ deps, ctx: req.ctx, input: req.body }))),
  );
  r.get('/api/v1/mail/templates/:id', { schema: { tags, params: ZIdParams, response: { 200: ZMailTemplate } } }, async (req, reply) =>
    withEtag(reply, await templates.getTemplate({ deps, ctx: req.ctx, id: req.params.id })),
  );
  r.patch(
    '/api/v1/mail/templates/:id',
    { schema: { tags, summary: 'Change a template (If-Match)', params: ZIdParams, body: ZUpdateMailTemplateRequest, response: { 200: ZMailTemplate } } },
    async (req, reply) =>
      withEtag(reply, await templates.updateTemplate({ deps, ctx: req.ctx, id: req.params.id, version: expectedVersion(req), input: req.body })),
  );
  r.delete('/api/v1/mail/templates/:id', { schema: { tags, params: ZIdParams } }, async (req, reply) => {
    await templates.deleteTemplate({ deps, ctx: req.ctx, id: req.params.id });
    return reply.status(204).send();
  });
  r.post(
    '/api/v1/mail/templates/:id/preview',
    {
      schema: {
        tags,
        summary: 'The template filled for a record as you read it',
        params: ZIdParams,
        body: ZPreviewRequest,
        response: { 200: ZPreviewResponse },
      },
    },
    async (req) => previewTemplate({ deps, ctx: req.ctx, templateId: req.params.id, ...req.body }),
  );
  r.post(
    '/api/v1/mail/send',
    {
      schema: {
        tags,
        summary: "Send a template to a record's contact (queued; see the sent log)",
        body: ZSendTemplateRequest,
        response: { 202: ZSentMail.pick({ id: true, messageId: true, status: true }) },
      },
    },
    async (req, reply) => reply.status(202).send(await sendTemplate({ deps, ctx: req.ctx, ...req.body })),
  );
  r.get(
    '/api/v1/mail/messages',
    {
      schema: {
        tags,
        summary: 'The sent log, newest first',
        querystring: ZSentMailQuery,
        response: { 200: z.object({ data: z.array(ZSentMail), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => listSentMail({ deps, ctx: req.ctx, query: req.query }),
  );
  r.post(
    '/api/v1/mail/messages/:id/resend',
    { schema: { tags, summary: 'Try a failed message again', params: ZIdParams, response: { 200: ZSentMail } } },
    async (req) => resendMail({ deps, ctx: req.ctx, id: req.params.id }),
  );
}
