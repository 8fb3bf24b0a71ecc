import { z } from 'zod';
import { maskMiddle } from '#platform/crypto/mask.ts';
import { decimal, id, integer, masked, recordFields, text } from '#platform/objects/fields.ts';
import { defineFields } from '#platform/objects/object-fields.ts';
import type { ObjectDefinition } from '#platform/records/object-definition.ts';
import { phoneDigitsOf, searchTextOf } from '#platform/records/search.ts';
import { customerFields, customerFilters, type Phone, parsed } from './customer-fields.definition.ts';
import type { TCompany } from './customers.schema.ts';

/** A company's fields, declared once: catalog, mapping, request and response schemas derive from them. */
export const COMPANY_FIELDS = defineFields({
  id: id(),
  name: text({ max: 200, required: true }),
  industry: text({ max: 100 }),
  website: text({ max: 500, input: z.url({ protocol: /^https?$/ }).max(500) }),
  employees: integer({ min: 0, max: 10_000_000 }),
  annualRevenue: decimal({ precision: 20, scale: 2, min: 0 }),
  currency: text({ max: 3, input: z.string().regex(/^[A-Z]{3}$/) }),
  taxId: text({ max: 50 }),
  bankAccount: masked(text({ max: 60 }), (v) => maskMiddle(v, 4, 4), { encrypted: true }),
  ...customerFields(),
  ...recordFields(),
});

export const companyDefinition: ObjectDefinition<TCompany> = {
  object: 'company',
  table: 'companies',
  defaultSort: '-createdAt',
  catalog: { ...COMPANY_FIELDS.catalog, ...customerFilters },
  sensitive: COMPANY_FIELDS.sensitive,
  fields: COMPANY_FIELDS.meta,
  references: COMPANY_FIELDS.references,
  toApi: (row, ctx) => COMPANY_FIELDS.toApi(row, ctx) as Omit<TCompany, 'owner'>,
  toColumns: (input, errors, cipher, write) => COMPANY_FIELDS.toColumns(input, { errors, cipher, write }),
  derived: (merged) => ({
    search_text: searchTextOf([merged.name as string, merged.website as string, ...parsed<{ address: string }[]>(merged.emails, []).map((e) => e.address)]),
    phone_digits: phoneDigitsOf(parsed<Phone[]>(merged.phones, [])),
  }),
};
