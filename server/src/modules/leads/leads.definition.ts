import { sql } from 'kysely';
import { column } from '#platform/query/catalog.ts';
import type { ObjectDefinition } from '#platform/records/object-definition.ts';
import type { Row } from '#platform/records/records.repo.ts';
import { phoneDigitsOf, searchTextOf } from '#platform/records/search.ts';
import { type LeadPhone, normalizeLeadPhones } from './lead-phones.rules.ts';
import { afterLeadWrite, prepareLead } from './lead-hooks.service.ts';
import { COMPANY_SIZES, LEAD_STATUSES, type TLead } from './leads.schema.ts';

/** API field -> column for the plain fields. */
export const LEAD_COLUMNS: Record<string, string> = {
  name: 'name',
  companyName: 'company_name',
  title: 'title',
  industry: 'industry',
  region: 'region',
  province: 'province',
  city: 'city',
  companySize: 'company_size',
  source: 'source',
  utmSource: 'utm_source',
  utmMedium: 'utm_medium',
  utmCampaign: 'utm_campaign',
  utmTerm: 'utm_term',
  utmContent: 'utm_content',
  campaign: 'campaign',
  referrer: 'referrer',
  status: 'status',
  unqualifiedReason: 'unqualified_reason',
  description: 'description',
};

const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : d == null ? null : String(d));
const json = <T>(value: unknown, fallback: T): T => (typeof value === 'string' ? (JSON.parse(value) as T) : ((value as T) ?? fallback));

const t = (c: string) => column(c, 'text');

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
    id: column('id', 'uuid', { nullable: false }),
    name: column('name', 'text', { nullable: false }),
    companyName: t('company_name'),
    title: t('title'),
    industry: t('industry'),
    region: t('region'),
    province: t('province'),
    city: t('city'),
    companySize: column('company_size', 'enum', { values: COMPANY_SIZES }),
    source: t('source'),
    utmSource: t('utm_source'),
    utmMedium: t('utm_medium'),
    utmCampaign: t('utm_campaign'),
    campaign: t('campaign'),
    formId: column('form_id', 'uuid'),
    duplicateOf: column('duplicate_of', 'uuid'),
    status: column('status', 'enum', { values: LEAD_STATUSES }),
    confirmation: column('confirmation', 'enum', { values: ['none', 'pending', 'confirmed'] }),
    ownerId: column('owner_id', 'uuid'),
    tags: column('tags', 'tags'),
    createdAt: column('created_at', 'datetime', { nullable: false }),
    updatedAt: column('updated_at', 'datetime', { nullable: false }),
    statusChangedAt: column('status_changed_at', 'datetime', { nullable: false }),
    convertedAt: column('converted_at', 'datetime'),
    lastActivityAt: column('last_activity_at', 'datetime'),
    createdBy: column('created_by', 'uuid'),
    email: { type: 'text', expr: sql`(emails->0->>'address')`, nullable: true, sortable: true },
    phone: { type: 'text', expr: sql.ref('phone_digits'), nullable: false, sortable: false },
  },
  sensitive: [],
  references: { owner_id: 'users' },
  toApi: (row: Row) => ({
    id: row.id,
    name: row.name as string,
    companyName: row.company_name as string | null,
    title: row.title as string | null,
    phones: row.phones as LeadPhone[],
    emails: row.emails as { label?: string; address: string }[],
    industry: row.industry as string | null,
    region: row.region as string | null,
    province: row.province as string | null,
    city: row.city as string | null,
    companySize: row.company_size as string | null,
    source: row.source as string | null,
    utmSource: row.utm_source as string | null,
    utmMedium: row.utm_medium as string | null,
    utmCampaign: row.utm_campaign as string | null,
    utmTerm: row.utm_term as string | null,
    utmContent: row.utm_content as string | null,
    campaign: row.campaign as string | null,
    referrer: row.referrer as string | null,
    formId: row.form_id as string | null,
    duplicateOf: row.duplicate_of as string | null,
    status: row.status as TLead['status'],
    unqualifiedReason: row.unqualified_reason as string | null,
    statusChangedAt: iso(row.status_changed_at) as string,
    confirmation: row.confirmation as TLead['confirmation'],
    confirmedAt: iso(row.confirmed_at),
    tags: row.tags as string[],
    description: row.description as string | null,
    convertedAt: iso(row.converted_at),
    convertedContactId: row.converted_contact_id as string | null,
    convertedCompanyId: row.converted_company_id as string | null,
    convertedDealId: row.converted_deal_id as string | null,
    ownerId: row.owner_id,
    custom: row.custom as Record<string, unknown>,
    lastActivityAt: iso(row.last_activity_at),
    createdAt: iso(row.created_at) as string,
    createdBy: row.created_by as string | null,
    updatedAt: iso(row.updated_at) as string,
    updatedBy: row.updated_by as string | null,
    version: row.version,
    deletedAt: iso(row.deleted_at),
  }),
  toColumns: (input, errors) => {
    const columns: Record<string, unknown> = {};
    for (const [field, col] of Object.entries(LEAD_COLUMNS)) if (field in input) columns[col] = input[field];
    if ('tags' in input) columns.tags = [...new Set(input.tags as string[])];
    if ('emails' in input)
      columns.emails = JSON.stringify((input.emails as { address: string }[]).map((e) => ({ ...e, address: e.address.trim().toLowerCase() })));
    if ('phones' in input) columns.phones = JSON.stringify(normalizeLeadPhones(input.phones as LeadPhone[], errors));
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
