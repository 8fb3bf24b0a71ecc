import { jobsOf } from '#platform/jobs/job-registry.ts';
import type { KehuModule } from '#platform/module.ts';
import { ALL_ACTIONS } from '#platform/objects/object-registry.ts';
import { recordRoutes } from '#platform/records/record-routes.ts';
import { startInboundFromEnv } from './inbound-smtp.service.ts';
import { macroDefinition, ZCreateTicketMacroRequest, ZTicketMacro, ZUpdateTicketMacroRequest } from './macros.definition.ts';
import { MACRO_FIELDS } from './macro-fields.definition.ts';
import { QUEUE_FIELDS } from './queue-fields.definition.ts';
import { queueDefinition, ZCreateTicketQueueRequest, ZTicketQueue, ZUpdateTicketQueueRequest } from './queues.definition.ts';
import { SLA_POLICY_FIELDS } from './sla-policy-fields.definition.ts';
import { slaPolicyDefinition, ZCreateSlaPolicyRequest, ZSlaPolicy, ZUpdateSlaPolicyRequest } from './sla-policies.definition.ts';
import { runSlaTimers, SLA_NOTIFICATION_KINDS, SLA_TIMER_JOB } from './sla.jobs.ts';
import { ticketImport } from './ticket-import.definition.ts';
import { ticketDefinition } from './tickets.definition.ts';
import { ticketRoutes } from './tickets.routes.ts';
import { ZCreateTicketRequest, ZTicket, ZUpdateTicketRequest } from './tickets.schema.ts';

export { ticketDefinition, queueDefinition, macroDefinition, slaPolicyDefinition };
/** The SLA timer pass (warnings and breaches, each once), for the scheduled job and tests. */
export { runSlaTimers };
export { ZCreateTicketRequest, ZTicket, ZUpdateTicketRequest };
export type { TCreateTicketRequest, TTicket, TUpdateTicketRequest, TicketStatus } from './tickets.schema.ts';
/** The inbound SMTP listener (e-mail to ticket); `serve` starts it when KEHU_SMTP_INBOUND_PORT is set. */
export { startInboundSmtp, type InboundSmtp, type InboundSmtpOptions } from './inbound-smtp.service.ts';
export { seedDemoTickets } from './tickets.demo.ts';

/**
 * Service desk: tickets (a record object with a number series), their conversation thread, e-mail
 * to ticket; queues that route tickets to available agents; canned responses; merge and split.
 */
export const ticketsModule: KehuModule = {
  name: 'tickets',
  notificationKinds: SLA_NOTIFICATION_KINDS,
  objects: [
    {
      name: 'ticket',
      path: 'tickets',
      label: { zh: '工单', en: 'Ticket' },
      numbering: { defaultPattern: 'TK-{yyyy}-{000000}' },
      actions: ALL_ACTIONS,
      capabilities: ['owned', 'audited', 'recycleBin', 'customFields', 'import', 'export', 'search', 'timeline'],
      definition: ticketDefinition,
      import: ticketImport,
      fields: Object.keys(ZTicket.shape),
      listColumns: ['number', 'subject', 'contactId', 'companyId', 'status', 'priority', 'channel', 'queueId', 'assigneeId', 'createdAt'],
    },
    {
      name: 'ticket_queue',
      path: 'ticket-queues',
      label: { zh: '工单队列', en: 'Ticket queue' },
      actions: ALL_ACTIONS,
      capabilities: ['audited', 'recycleBin', 'customFields', 'export'],
      // Agents see the queues (to move a ticket) and the macros (to apply them); admins change them.
      everyoneReads: true,
      definition: queueDefinition,
      fields: QUEUE_FIELDS.names,
      listColumns: ['name', 'method', 'active'],
    },
    {
      name: 'ticket_macro',
      path: 'ticket-macros',
      label: { zh: '快捷回复', en: 'Macro' },
      actions: ALL_ACTIONS,
      capabilities: ['audited', 'recycleBin', 'customFields', 'export'],
      everyoneReads: true,
      definition: macroDefinition,
      fields: MACRO_FIELDS.names,
      listColumns: ['name', 'kind', 'setStatus', 'setPriority', 'setQueueId', 'active'],
    },
    {
      name: 'ticket_sla_policy',
      path: 'ticket-sla-policies',
      label: { zh: 'SLA 策略', en: 'SLA policy' },
      actions: ALL_ACTIONS,
      capabilities: ['audited', 'recycleBin', 'export'],
      everyoneReads: true,
      definition: slaPolicyDefinition,
      fields: SLA_POLICY_FIELDS.names,
      listColumns: ['name', 'priority', 'category', 'firstResponseMinutes', 'resolutionMinutes', 'calendarId', 'active'],
    },
  ],
  register(app, deps) {
    ticketRoutes(app, deps);
    recordRoutes(app, deps, {
      path: 'tickets',
      tag: 'tickets',
      def: ticketDefinition,
      out: ZTicket,
      create: ZCreateTicketRequest,
      update: ZUpdateTicketRequest,
    });
    recordRoutes(app, deps, {
      path: 'ticket-queues',
      tag: 'tickets',
      def: queueDefinition,
      out: ZTicketQueue,
      create: ZCreateTicketQueueRequest,
      update: ZUpdateTicketQueueRequest,
    });
    recordRoutes(app, deps, {
      path: 'ticket-macros',
      tag: 'tickets',
      def: macroDefinition,
      out: ZTicketMacro,
      create: ZCreateTicketMacroRequest,
      update: ZUpdateTicketMacroRequest,
    });
    recordRoutes(app, deps, {
      path: 'ticket-sla-policies',
      tag: 'tickets',
      def: slaPolicyDefinition,
      out: ZSlaPolicy,
      create: ZCreateSlaPolicyRequest,
      update: ZUpdateSlaPolicyRequest,
    });
    // Every minute; a missed run is caught by the next (the pass looks at due times, not at elapsed ticks).
    jobsOf(deps).schedule(SLA_TIMER_JOB, '* * * * *', async () => {
      const counts = await runSlaTimers({ deps });
      if (counts.warned || counts.breached) deps.log.info(counts, 'ticket SLA warnings and breaches');
    });
    startInboundFromEnv({ app, deps });
  },
};
