// Tickets (#20). Other features reach them only through this file; its strings come with it.
// The pages load lazily from app/routes.tsx (tickets-routes.tsx), not through here.
import './messages';

export { RelatedTickets } from './related-tickets';
/** Settings > Ticket queues (members, skills, routing; agents' availability) and Settings > Macros. */
export { TicketQueuesPage } from './queues-settings-page';
export { TicketMacrosPage } from './macros-settings-page';
