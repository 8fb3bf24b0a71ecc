// Tickets (#20). Other features reach them only through this file; its strings come with it.
// The pages load lazily from app/routes.tsx (tickets-routes.tsx), not through here.
import './messages';
import type { SettingsSection } from '#shared/settings/settings-section';
import { TicketQueuesPage } from './queues-settings-page';
import { TicketMacrosPage } from './macros-settings-page';
import { TicketSlaPage } from './sla-settings-page';

export { RelatedTickets } from './related-tickets';
/** Settings > Ticket queues (members, skills, routing; agents' availability), Macros, and SLA policies with the desk's reopen rules (app/settings-page.tsx collects them). */
export const ticketsSettings: SettingsSection[] = [
  { key: 'ticket-queues', group: 'service', page: TicketQueuesPage },
  { key: 'ticket-macros', group: 'service', page: TicketMacrosPage },
  { key: 'ticket-sla', group: 'service', page: TicketSlaPage },
];
