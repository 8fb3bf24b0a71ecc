import { z } from 'zod';
import type { ObjectDefinition, PrepareOptions } from '#platform/records/object-definition.ts';
import { QUEUE_FIELDS } from './queue-fields.definition.ts';
import { activeUserIds } from './ticket-messages.repo.ts';

export const ZTicketQueue = z.object(QUEUE_FIELDS.output);
export type TTicketQueue = z.infer<typeof ZTicketQueue>;
export const ZUpdateTicketQueueRequest = z.object(QUEUE_FIELDS.input).partial().strict();
export const ZCreateTicketQueueRequest = ZUpdateTicketQueueRequest.required({ name: true });

/** Members must be active users of the tenant. */
async function prepareQueue(o: PrepareOptions): Promise<void> {
  const members = o.input.members as { userId: string }[] | undefined;
  if (!members?.length) return;
  const ids = [...new Set(members.map((m) => m.userId))];
  if ((await activeUserIds(o.tx, ids)).length !== ids.length) o.errors.push({ field: 'members', message: 'tickets.unknown_member' });
}

/** Ticket queues (工单队列): a record object, so roles, audit, custom fields and export come from the registry. */
export const queueDefinition: ObjectDefinition<TTicketQueue> = {
  object: 'ticket_queue',
  table: 'ticket_queues',
  defaultSort: 'name',
  catalog: QUEUE_FIELDS.catalog,
  sensitive: QUEUE_FIELDS.sensitive,
  fields: QUEUE_FIELDS.meta,
  references: QUEUE_FIELDS.references,
  related: QUEUE_FIELDS.related,
  toApi: (row, ctx) => QUEUE_FIELDS.toApi(row, ctx) as Omit<TTicketQueue, 'owner'>,
  toColumns: (input, errors, cipher, write) => QUEUE_FIELDS.toColumns(input, { errors, cipher, write }),
  prepare: prepareQueue,
};
