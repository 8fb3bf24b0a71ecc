import { boolean, enumOf, id, recordFields, ref, refName, text } from '#platform/objects/fields.ts';
import { defineFields } from '#platform/objects/object-fields.ts';
import { TICKET_PRIORITIES, TICKET_STATUSES } from './ticket-fields.definition.ts';

/**
 * A canned response (宏): a reply or note whose body names merge fields (`{{contact.name}}`,
 * `{{record.number}}`, `{{owner.name}}`, as mail templates do), and the ticket fields it sets.
 */
export const MACRO_FIELDS = defineFields({
  id: id(),
  name: text({ max: 100, required: true }),
  kind: enumOf(['reply', 'note'] as const, { required: true }),
  body: text({ max: 20000, filter: false }),
  setStatus: enumOf(TICKET_STATUSES),
  setPriority: enumOf(TICKET_PRIORITIES),
  setQueueId: ref({ to: 'ticket_queues', named: true }),
  setQueue: refName('set_queue_id'),
  active: boolean(),
  ...recordFields(),
});
