import { z } from 'zod';
import { findCalendar } from '#platform/calendars/calendars.repo.ts';
import type { ObjectDefinition, PrepareOptions } from '#platform/records/object-definition.ts';
import { SLA_POLICY_FIELDS } from './sla-policy-fields.definition.ts';

export const ZSlaPolicy = z.object(SLA_POLICY_FIELDS.output);
export type TSlaPolicy = z.infer<typeof ZSlaPolicy>;
export const ZUpdateSlaPolicyRequest = z.object(SLA_POLICY_FIELDS.input).partial().strict();
export const ZCreateSlaPolicyRequest = ZUpdateSlaPolicyRequest.required({ name: true });

/** The calendar must be one of the tenant's. */
async function preparePolicy(o: PrepareOptions): Promise<void> {
  const id = o.input.calendarId as string | null | undefined;
  if (id && !(await findCalendar(o.tx, id)))
    o.errors.push({ field: 'calendarId', message: 'fields.invalid_reference', params: { object: 'business_calendar' } });
}

/** SLA policies: a record object (roles, audit, export from the registry); tickets pick theirs on write. */
export const slaPolicyDefinition: ObjectDefinition<TSlaPolicy> = {
  object: 'ticket_sla_policy',
  table: 'ticket_sla_policies',
  defaultSort: 'name',
  catalog: SLA_POLICY_FIELDS.catalog,
  sensitive: SLA_POLICY_FIELDS.sensitive,
  fields: SLA_POLICY_FIELDS.meta,
  references: SLA_POLICY_FIELDS.references,
  related: SLA_POLICY_FIELDS.related,
  toApi: (row, ctx) => SLA_POLICY_FIELDS.toApi(row, ctx) as Omit<TSlaPolicy, 'owner'>,
  toColumns: (input, errors, cipher, write) => SLA_POLICY_FIELDS.toColumns(input, { errors, cipher, write }),
  prepare: preparePolicy,
};
