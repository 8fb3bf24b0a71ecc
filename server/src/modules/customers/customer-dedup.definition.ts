import type { DedupKeyContext, DedupSpec } from '#platform/objects/dedup-spec.ts';
import type { Row } from '#platform/records/records.repo.ts';

type Address = { street?: string; district?: string; city?: string; province?: string; postcode?: string } | null;

const emailsOf = (row: Row) => ((row.emails ?? []) as { address: string }[]).map((e) => e.address);
const phonesOf = (row: Row) => ((row.phones ?? []) as { e164: string | null }[]).map((p) => p.e164);
const dateOf = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' ? v.slice(0, 10) : null);
const addressInput = (a: Address) => ({
  street: [a?.street, a?.district].filter(Boolean).join(' ') || null,
  city: a?.city ?? null,
  province: a?.province ?? null,
  postcode: a?.postcode ?? null,
});
/** A company's web domain without scheme, www or path ("https://www.acme.com/x" -> acme.com). */
const domainOf = (website: unknown, k: DedupKeyContext): string | null =>
  typeof website === 'string' && website
    ? k
        .normalizeText(
          website
            .replace(/^https?:\/\//, '')
            .replace(/^www\./, '')
            .split('/')[0],
        )
        .replace(/ /g, '.') || null
    : null;

/** Contacts: names, emails, phones, the ID number (hashed), birthday and address; their company places them. */
export const contactDedup: DedupSpec = {
  candidate: (row, k) => ({
    id: row.id,
    name: row.name as string,
    given: row.given_name as string | null,
    family: row.family_name as string | null,
    emails: emailsOf(row),
    phones: phonesOf(row),
    idHash: row.id_number ? k.identifierHash(k.cipher.decrypt(row.id_number as string)) : null,
    birthday: dateOf(row.birthday),
    ...addressInput(row.address as Address),
    org: (row.company_id as string | null) ?? null,
  }),
  mergeFields: [
    'name',
    'familyName',
    'givenName',
    'companyId',
    'title',
    'department',
    'gender',
    'birthday',
    'idNumber',
    'phones',
    'emails',
    'address',
    'source',
    'tier',
    'lifecycleStage',
    'tags',
    'description',
    'ownerId',
  ],
  followers: [
    { table: 'activities', column: 'contact_id' },
    { table: 'deals', column: 'contact_id' },
  ],
};

/** Companies: the name without its legal form, emails, phones, tax id (hashed), address; their web domain places them. */
export const companyDedup: DedupSpec = {
  candidate: (row, k) => ({
    id: row.id,
    name: k.companyCore(row.name as string),
    emails: emailsOf(row),
    phones: phonesOf(row),
    idHash: k.identifierHash(row.tax_id as string | null),
    ...addressInput(row.address as Address),
    org: domainOf(row.website, k),
  }),
  mergeFields: [
    'name',
    'industry',
    'website',
    'employees',
    'annualRevenue',
    'currency',
    'taxId',
    'bankAccount',
    'phones',
    'emails',
    'address',
    'source',
    'tier',
    'lifecycleStage',
    'tags',
    'description',
    'ownerId',
  ],
  followers: [
    { table: 'activities', column: 'company_id' },
    { table: 'contacts', column: 'company_id' },
    { table: 'deals', column: 'company_id' },
  ],
};
