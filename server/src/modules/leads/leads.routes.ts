import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#platform/deps.ts';
import { expectedVersion, withEtag } from '#platform/http/conditional.ts';
import { ZIdParams } from '#platform/http/list-query.ts';
import { ZConvertLeadRequest, ZConvertLeadResponse } from './convert.schema.ts';
import { convertLead } from './convert.service.ts';
import { getLeadSettings, updateLeadSettings } from './lead-settings.service.ts';
import { ZLeadSettings, ZUpdateLeadSettingsRequest } from './lead-settings.schema.ts';
import { checkLead, createLead, leadCaptures, leadMatches } from './leads.service.ts';
import { leadFields, ZCreateLeadRequest, ZCustomerMatch, ZLeadCreated } from './leads.schema.ts';

const ref = z.object({ id: z.string(), name: z.string() });
const ZDuplicate = z.object({ id: z.string(), name: z.string(), rule: z.string(), owner: ref.nullable() });

/** Lead actions beyond the standard record routes: capture with duplicate rules, matches, captures, conversion, settings. */
export function leadsRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['leads'];

  r.post(
    '/api/v1/leads',
    {
      schema: {
        tags,
        summary: 'Create (capture) a lead; duplicate rules apply: 409 on block, or on warn unless allowDuplicate=true; merge answers 200',
        body: ZCreateLeadRequest,
        response: { 200: ZLeadCreated, 201: ZLeadCreated },
      },
    },
    async (req, reply) => {
      const channel = req.principal?.kind === 'api' ? 'api' : 'manual';
      const lead = await createLead({ deps, ctx: req.ctx, input: req.body, channel });
      if (lead.merged) return withEtag(reply, lead);
      return reply.status(201).header('location', `/api/v1/leads/${lead.id}`).send(withEtag(reply, lead));
    },
  );

  r.post(
    '/api/v1/leads/check',
    {
      schema: {
        tags,
        summary: 'Run the duplicate rules and the 撞单 check on unsaved lead values (writes nothing)',
        body: z.object({
          name: leadFields.name,
          companyName: leadFields.companyName.optional(),
          emails: leadFields.emails.optional(),
          phones: leadFields.phones.optional(),
        }),
        response: {
          200: z.object({
            duplicates: z.array(ZDuplicate.extend({ action: z.enum(['block', 'warn', 'merge']) })),
            customerMatches: z.array(ZCustomerMatch),
          }),
        },
      },
    },
    async (req) => checkLead({ deps, ctx: req.ctx, input: req.body }),
  );

  r.get(
    '/api/v1/leads/:id/matches',
    {
      schema: {
        tags,
        summary: 'Open leads this lead duplicates, and contacts / companies it matches with their owners (撞单)',
        params: ZIdParams,
        response: { 200: z.object({ duplicates: z.array(ZDuplicate), customerMatches: z.array(ZCustomerMatch) }) },
      },
    },
    async (req) => leadMatches({ deps, ctx: req.ctx, id: req.params.id }),
  );

  r.get(
    '/api/v1/leads/:id/captures',
    {
      schema: {
        tags,
        summary: 'Capture history of a lead (channel, form, merges)',
        params: ZIdParams,
        response: {
          200: z.object({
            data: z.array(
              z.object({
                id: z.string(),
                channel: z.string(),
                outcome: z.string(),
                formId: z.string().nullable(),
                matchedRule: z.string().nullable(),
                data: z.record(z.string(), z.unknown()),
                createdAt: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => ({ data: await leadCaptures({ deps, ctx: req.ctx, id: req.params.id }) }),
  );

  r.post(
    '/api/v1/leads/:id/convert',
    {
      schema: {
        tags,
        summary: 'Convert a lead into a contact, a company and a deal in one transaction; 409 when already converted',
        params: ZIdParams,
        body: ZConvertLeadRequest,
        response: { 200: ZConvertLeadResponse },
      },
    },
    async (req) => convertLead({ deps, ctx: req.ctx, id: req.params.id, input: req.body }),
  );

  r.get(
    '/api/v1/lead-settings',
    { schema: { tags, summary: 'Duplicate rules, conversion mapping, mail', response: { 200: ZLeadSettings } } },
    async (req, reply) => withEtag(reply, await getLeadSettings({ deps, ctx: req.ctx })),
  );
  r.patch(
    '/api/v1/lead-settings',
    { schema: { tags, summary: 'Change the lead settings (admins; If-Match)', body: ZUpdateLeadSettingsRequest, response: { 200: ZLeadSettings } } },
    async (req, reply) => withEtag(reply, await updateLeadSettings({ deps, ctx: req.ctx, input: req.body, version: expectedVersion(req) })),
  );
}
