import type { ObjectDefinition } from '#platform/records/object-definition.ts';
import { searchTextOf } from '#platform/records/search.ts';
import { TICKET_FIELDS } from './ticket-fields.definition.ts';
import { prepareTicket } from './ticket-prepare.service.ts';
import type { TTicket } from './tickets.schema.ts';

export const ticketDefinition: ObjectDefinition<TTicket> = {
  object: 'ticket',
  table: 'tickets',
  defaultSort: '-createdAt',
  catalog: TICKET_FIELDS.catalog,
  sensitive: TICKET_FIELDS.sensitive,
  fields: TICKET_FIELDS.meta,
  references: TICKET_FIELDS.references,
  related: TICKET_FIELDS.related,
  toApi: (row, ctx) => TICKET_FIELDS.toApi(row, ctx) as Omit<TTicket, 'owner'>,
  toColumns: (input, errors, cipher, write) => TICKET_FIELDS.toColumns(input, { errors, cipher, write }),
  prepare: prepareTicket,
  derived: (merged, related) => ({
    search_text: searchTextOf([
      merged.number as string,
      merged.name as string,
      merged.requester_email as string,
      related.get(merged.company_id as string)?.name,
      related.get(merged.contact_id as string)?.name,
      ...((merged.tags as string[] | undefined) ?? []),
    ]),
  }),
};
