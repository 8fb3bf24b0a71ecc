import { sql } from 'kysely';
import type { ObjectDefinition } from '#platform/records/object-definition.ts';
import { phoneDigitsOf, searchTextOf } from '#platform/records/search.ts';
import { LEAD_FIELDS } from './lead-fields.definition.ts';
import type { LeadPhone } from './lead-phones.rules.ts';
import { afterLeadWrite, prepareLead } from './lead-hooks.service.ts';
import type { TLead } from './leads.schema.ts';

/** API field -> column of the plain text and choice fields a merge may fill (merge.rules.ts). */
export const LEAD_COLUMNS: Record<string, string> = Object.fromEntries(
  Object.entries(LEAD_FIELDS.columns).filter(([key]) => {
    const f = LEAD_FIELDS.fields[key as keyof typeof LEAD_FIELDS.fields];
    return (f.kind === 'text' || f.kind === 'enum') && f.input !== undefined;
  }),
);

const json = <T>(value: unknown, fallback: T): T => (typeof value === 'string' ? (JSON.parse(value) as T) : ((value as T) ?? fallback));

/** Columns set by capture, double opt-in and conversion, never accepted from a request body (the zod schemas are strict). */
const CAPTURE_ONLY = [
  'form_id',
  'confirmation',
  'confirmed_at',
  'converted_at',
  'converted_by',
  'converted_contact_id',
  'converted_company_id',
  'converted_deal_id',
  'duplicate_of',
] as const;

export const leadDefinition: ObjectDefinition<TLead> = {
  object: 'lead',
  table: 'leads',
  defaultSort: '-createdAt',
  catalog: {
    ...LEAD_FIELDS.catalog,
    email: { type: 'text', expr: sql`(emails->0->>'address')`, nullable: true, sortable: true },
    phone: { type: 'text', expr: sql.ref('phone_digits'), nullable: false, sortable: false },
  },
  sensitive: LEAD_FIELDS.sensitive,
  fields: LEAD_FIELDS.meta,
  references: LEAD_FIELDS.references,
  toApi: (row, ctx) => LEAD_FIELDS.toApi(row, ctx) as Omit<TLead, 'owner'>,
  toColumns: (input, errors, cipher, write) => {
    const columns = LEAD_FIELDS.toColumns(input, { errors, cipher, write });
    // Capture-only columns (set by forms and double opt-in, never by a PATCH body).
    for (const col of CAPTURE_ONLY) if (col in input) columns[col] = input[col];
    return columns;
  },
  prepare: prepareLead,
  afterWrite: afterLeadWrite,
  derived: (merged) => ({
    search_text: searchTextOf([merged.name as string, merged.company_name as string, ...json<{ address: string }[]>(merged.emails, []).map((e) => e.address)]),
    phone_digits: phoneDigitsOf(json<LeadPhone[]>(merged.phones, [])),
  }),
};
