import type { FieldDef, FieldOption } from '#shared/fields/field-types';
import type { ObjectDef } from '#shared/records/object-def';
import { SLA_STATES, TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES } from './tickets-api';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';

type Group = 'status' | 'priority' | 'channel' | 'slaState';
const options = (group: Group, values: readonly string[]): FieldOption[] =>
  values.map((v) => ({
    value: v,
    label: { zh: (zh.tickets[group] as Record<string, string>)[v] ?? v, en: (en.tickets[group] as Record<string, string>)[v] ?? v },
  }));

const f = (key: string, type: FieldDef['type'], extra: Partial<FieldDef> = {}): FieldDef => ({
  key,
  type,
  label: `tickets.fields.${key}`,
  sortable: true,
  filterable: true,
  ...extra,
});

/** Tickets on the generic list and create form (saved views, filters, columns, export); the ticket page is their own. */
export const ticketObject: ObjectDef = {
  object: 'tickets',
  entity: 'ticket',
  titleKey: 'number',
  titleOf: (r) => String(r.number ?? ''),
  fields: [
    f('number', 'text', { listDefault: true, readOnly: true }),
    f('subject', 'text', { listDefault: true, required: true, maxLength: 300 }),
    f('status', 'select', { listDefault: true, options: options('status', TICKET_STATUSES), defaultValue: 'new' }),
    f('priority', 'select', { listDefault: true, options: options('priority', TICKET_PRIORITIES), defaultValue: 'normal' }),
    f('contactId', 'lookup', { listDefault: true, target: 'contact' }),
    f('companyId', 'company', { listDefault: true }),
    f('channel', 'select', { listDefault: true, options: options('channel', TICKET_CHANNELS), defaultValue: 'phone' }),
    f('category', 'text', { maxLength: 100 }),
    f('slaState', 'select', { listDefault: true, readOnly: true, sortable: false, filterable: false, options: options('slaState', SLA_STATES) }),
    f('resolutionDueAt', 'datetime', { readOnly: true }),
    f('slaBreachedAt', 'datetime', { readOnly: true }),
    f('queueId', 'lookup', { listDefault: true, target: 'ticket_queue' }),
    f('assigneeId', 'user', { listDefault: true }),
    f('requesterEmail', 'email', { maxLength: 320 }),
    f('tags', 'tags'),
    f('description', 'longtext', { filterable: false, sortable: false, maxLength: 20000 }),
    f('ownerId', 'user', { readOnly: true }),
    f('lastMessageAt', 'datetime', { readOnly: true }),
    f('firstResponseAt', 'datetime', { readOnly: true }),
    f('resolvedAt', 'datetime', { readOnly: true }),
    f('closedAt', 'datetime', { readOnly: true }),
    f('createdAt', 'datetime', { listDefault: true, readOnly: true }),
  ],
};
