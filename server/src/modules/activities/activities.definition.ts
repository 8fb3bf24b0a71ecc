import { column } from '#platform/query/catalog.ts';
import type { ObjectDefinition } from '#platform/records/object-definition.ts';
import type { Row } from '#platform/records/records.repo.ts';
import { ACTIVITY_TYPES, type ActivityType, CALL_OUTCOMES, type TActivity } from './activities.schema.ts';
import { refreshLastActivity } from './activities.repo.ts';
import { prepareLinks } from './activity-links.service.ts';

const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : d == null ? null : String(d));

/** API field -> column for the fields stored as they come. */
const SIMPLE: Record<string, string> = {
  type: 'type',
  subject: 'subject',
  body: 'body',
  companyId: 'company_id',
  contactId: 'contact_id',
  dealId: 'deal_id',
  leadId: 'lead_id',
  occurredAt: 'occurred_at',
  outcome: 'outcome',
  durationSeconds: 'duration_seconds',
  direction: 'direction',
  startsAt: 'starts_at',
  endsAt: 'ends_at',
  location: 'location',
  dueAt: 'due_at',
  remindAt: 'remind_at',
  doneAt: 'done_at',
};

const ids = (...values: unknown[]) => [...new Set(values.filter((v): v is string => typeof v === 'string'))];

export const activityDefinition: ObjectDefinition<TActivity> = {
  object: 'activity',
  table: 'activities',
  defaultSort: '-occurredAt',
  catalog: {
    id: column('id', 'uuid', { nullable: false }),
    type: column('type', 'enum', { nullable: false, values: ACTIVITY_TYPES }),
    subject: column('subject', 'text', { nullable: false }),
    companyId: column('company_id', 'uuid'),
    contactId: column('contact_id', 'uuid'),
    dealId: column('deal_id', 'uuid'),
    leadId: column('lead_id', 'uuid'),
    ownerId: column('owner_id', 'uuid'),
    occurredAt: column('occurred_at', 'datetime', { nullable: false }),
    outcome: column('outcome', 'enum', { values: CALL_OUTCOMES }),
    direction: column('direction', 'enum', { values: ['in', 'out'] }),
    startsAt: column('starts_at', 'datetime'),
    dueAt: column('due_at', 'datetime'),
    remindAt: column('remind_at', 'datetime'),
    doneAt: column('done_at', 'datetime'),
    createdAt: column('created_at', 'datetime', { nullable: false }),
    updatedAt: column('updated_at', 'datetime', { nullable: false }),
    createdBy: column('created_by', 'uuid'),
  },
  sensitive: [],
  references: { owner_id: 'users' },
  related: { company_id: 'companies', contact_id: 'contacts', deal_id: 'deals', lead_id: 'leads' },
  toApi: (row: Row, { related }) => ({
    id: row.id,
    type: row.type as ActivityType,
    subject: row.subject as string,
    body: row.body as string | null,
    companyId: row.company_id as string | null,
    company: row.company_id ? (related.get(row.company_id as string) ?? null) : null,
    contactId: row.contact_id as string | null,
    contact: row.contact_id ? (related.get(row.contact_id as string) ?? null) : null,
    dealId: row.deal_id as string | null,
    deal: row.deal_id ? (related.get(row.deal_id as string) ?? null) : null,
    leadId: row.lead_id as string | null,
    lead: row.lead_id ? (related.get(row.lead_id as string) ?? null) : null,
    ownerId: row.owner_id,
    occurredAt: iso(row.occurred_at) as string,
    outcome: row.outcome as string | null,
    durationSeconds: row.duration_seconds as number | null,
    direction: row.direction as string | null,
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    location: row.location as string | null,
    dueAt: iso(row.due_at),
    remindAt: iso(row.remind_at),
    doneAt: iso(row.done_at),
    custom: row.custom as Record<string, unknown>,
    createdAt: iso(row.created_at) as string,
    createdBy: row.created_by as string | null,
    updatedAt: iso(row.updated_at) as string,
    updatedBy: row.updated_by as string | null,
    version: row.version,
    deletedAt: iso(row.deleted_at),
  }),
  toColumns: (input) => {
    const columns: Record<string, unknown> = {};
    for (const [field, col] of Object.entries(SIMPLE)) if (field in input) columns[col] = input[field];
    // A new reminder time is a new reminder: let the scheduled check send it again.
    if ('remindAt' in input) columns.reminded_at = null;
    return columns;
  },
  prepare: prepareLinks,
  afterWrite: async ({ tx, before, after }) => {
    await refreshLastActivity(tx, {
      contactIds: ids(before?.contact_id, after.contact_id),
      companyIds: ids(before?.company_id, after.company_id),
      dealIds: ids(before?.deal_id, after.deal_id),
      leadIds: ids(before?.lead_id, after.lead_id),
    });
  },
};
