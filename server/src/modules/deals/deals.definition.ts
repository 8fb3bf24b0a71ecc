import type { ObjectDefinition } from '#platform/records/object-definition.ts';
import { searchTextOf } from '#platform/records/search.ts';
import { prepareDeal } from './deal-prepare.service.ts';
import { recordStageChange } from './deal-stage.events.ts';
import { DEAL_FIELDS } from './deal-fields.definition.ts';
import type { TDeal } from './deals.schema.ts';
import { phoneDigitsOfLinks } from './deals.repo.ts';

export const dealDefinition: ObjectDefinition<TDeal> = {
  object: 'deal',
  table: 'deals',
  defaultSort: '-createdAt',
  catalog: DEAL_FIELDS.catalog,
  sensitive: DEAL_FIELDS.sensitive,
  fields: DEAL_FIELDS.meta,
  references: DEAL_FIELDS.references,
  related: DEAL_FIELDS.related,
  toApi: (row, ctx) => DEAL_FIELDS.toApi(row, ctx) as Omit<TDeal, 'owner'>,
  toColumns: (input, errors, cipher, write) => {
    const columns = DEAL_FIELDS.toColumns(input, { errors, cipher, write });
    // Set by lead conversion, never by a request body (the zod schemas are strict).
    if ('leadId' in input) columns.lead_id = input.leadId;
    return columns;
  },
  prepare: async (o) => {
    await prepareDeal(o);
    const merged = { ...o.existing, ...o.columns };
    o.columns.phone_digits = await phoneDigitsOfLinks(o.tx, {
      companyId: (merged.company_id as string) ?? null,
      contactId: (merged.contact_id as string) ?? null,
    });
  },
  derived: (merged, related) => ({
    search_text: searchTextOf([
      merged.name as string,
      related.get(merged.company_id as string)?.name,
      related.get(merged.contact_id as string)?.name,
      ...((merged.tags as string[] | undefined) ?? []),
    ]),
  }),
  afterWrite: recordStageChange,
};
