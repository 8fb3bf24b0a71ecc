import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#platform/deps.ts';
import { expectedVersion, withEtag } from '#platform/http/conditional.ts';
import { ZIdParams } from '#platform/http/list-query.ts';
import { ZTicketDeskSettings, ZUpdateTicketDeskSettingsRequest } from './desk-settings.schema.ts';
import { getDeskSettings, updateDeskSettings } from './desk-settings.service.ts';
import { ZCreateTicketMessageRequest, ZTicketMessage } from './tickets.schema.ts';
import { addMessage, listThread } from './ticket-thread.service.ts';
import { agents, markAvailable, ZAvailabilityRequest, ZTicketAgent } from './agents.service.ts';
import { applyMacro, ZAppliedMacro } from './macros.service.ts';
import { mergeTicket, splitMessage } from './merge-split.service.ts';
import { ZTicket } from './tickets.schema.ts';

/** Ticket endpoints beyond the standard record surface: the conversation thread. */
export function ticketRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tickets'];

  r.get(
    '/api/v1/tickets/:id/messages',
    {
      schema: {
        tags,
        summary: "The ticket's thread, oldest first: customer mail, public replies and internal notes",
        params: ZIdParams,
        response: { 200: z.object({ data: z.array(ZTicketMessage) }) },
      },
    },
    async (req) => ({ data: await listThread({ deps, ctx: req.ctx, id: req.params.id }) }),
  );

  r.post(
    '/api/v1/tickets/:id/messages',
    {
      schema: {
        tags,
        summary: 'A public reply (e-mailed to the customer; the ticket then waits on them) or an internal note; mentions are notified',
        params: ZIdParams,
        body: ZCreateTicketMessageRequest,
        response: { 201: ZTicketMessage },
      },
    },
    async (req, reply) => reply.code(201).send(await addMessage({ deps, ctx: req.ctx, id: req.params.id, input: req.body })),
  );

  r.post(
    '/api/v1/tickets/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge this duplicate into another ticket: its messages move there, it is closed with a link to it; returns the target',
        params: ZIdParams,
        body: z.object({ targetId: z.uuid() }).strict(),
        response: { 200: ZTicket },
      },
    },
    async (req) => mergeTicket({ deps, ctx: req.ctx, id: req.params.id, targetId: req.body.targetId }),
  );

  r.post(
    '/api/v1/tickets/:id/messages/:messageId/split',
    {
      schema: {
        tags,
        summary: 'Split a customer or agent message off into a new ticket for the same customer; returns the new ticket',
        params: z.object({ id: z.uuid(), messageId: z.uuid() }),
        response: { 201: ZTicket },
      },
    },
    async (req, reply) => reply.code(201).send(await splitMessage({ deps, ctx: req.ctx, id: req.params.id, messageId: req.params.messageId })),
  );

  r.post(
    '/api/v1/tickets/:id/apply-macro',
    {
      schema: {
        tags,
        summary: "Apply a canned response: the fields it sets change now, its body comes back filled with the ticket's merge fields",
        params: ZIdParams,
        body: z.object({ macroId: z.uuid() }).strict(),
        response: { 200: ZAppliedMacro },
      },
    },
    async (req) => applyMacro({ deps, ctx: req.ctx, id: req.params.id, macroId: req.body.macroId }),
  );

  r.get(
    '/api/v1/ticket-agents',
    {
      schema: {
        tags,
        summary: 'Service agents: whether queues route to them, and their open tickets',
        response: { 200: z.object({ data: z.array(ZTicketAgent) }) },
      },
    },
    async (req) => ({ data: await agents({ deps, ctx: req.ctx }) }),
  );

  r.put(
    '/api/v1/ticket-agents/:userId/availability',
    {
      schema: {
        tags,
        summary: 'Mark an agent available or away for queue routing (oneself; anyone for admins)',
        params: z.object({ userId: z.uuid() }),
        body: ZAvailabilityRequest,
        response: { 200: z.object({ data: z.array(ZTicketAgent) }) },
      },
    },
    async (req) => ({ data: await markAvailable({ deps, ctx: req.ctx, userId: req.params.userId, available: req.body.available }) }),
  );

  r.get(
    '/api/v1/ticket-desk-settings',
    {
      schema: {
        tags,
        summary: "How a customer's reply to a resolved or closed ticket is handled (reopen, or a follow-up ticket that links it)",
        response: { 200: ZTicketDeskSettings },
      },
    },
    async (req, reply) => withEtag(reply, await getDeskSettings({ deps, ctx: req.ctx })),
  );

  r.patch(
    '/api/v1/ticket-desk-settings',
    {
      schema: {
        tags,
        summary: "Change the desk's reopen settings (admins; If-Match)",
        body: ZUpdateTicketDeskSettingsRequest,
        response: { 200: ZTicketDeskSettings },
      },
    },
    async (req, reply) => {
      const version = expectedVersion(req);
      return withEtag(reply, await updateDeskSettings({ deps, ctx: req.ctx, input: req.body, ...(version === undefined ? {} : { version }) }));
    },
  );
}
