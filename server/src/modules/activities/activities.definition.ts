import type { ObjectDefinition } from '#platform/records/object-definition.ts';
import { ACTIVITY_FIELDS } from './activity-fields.definition.ts';
import type { TActivity } from './activities.schema.ts';
import { refreshLastActivity } from './activities.repo.ts';
import { prepareLinks } from './activity-links.service.ts';

const ids = (...values: unknown[]) => [...new Set(values.filter((v): v is string => typeof v === 'string'))];

export const activityDefinition: ObjectDefinition<TActivity> = {
  object: 'activity',
  table: 'activities',
  defaultSort: '-occurredAt',
  catalog: ACTIVITY_FIELDS.catalog,
  sensitive: ACTIVITY_FIELDS.sensitive,
  fields: ACTIVITY_FIELDS.meta,
  references: ACTIVITY_FIELDS.references,
  related: ACTIVITY_FIELDS.related,
  toApi: (row, ctx) => ACTIVITY_FIELDS.toApi(row, ctx) as Omit<TActivity, 'owner'>,
  toColumns: (input, errors, cipher, write) => {
    const columns = ACTIVITY_FIELDS.toColumns(input, { errors, cipher, write });
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
