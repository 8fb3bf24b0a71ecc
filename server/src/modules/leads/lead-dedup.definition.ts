import type { DedupSpec } from '#platform/objects/dedup-spec.ts';
import type { Row } from '#platform/records/records.repo.ts';

const emailsOf = (row: Row) => ((row.emails ?? []) as { address: string }[]).map((e) => e.address);
const phonesOf = (row: Row) => ((row.phones ?? []) as { e164: string | null }[]).map((p) => p.e164);

/** Leads: name, emails, phones, city and province; the company they name places them. */
export const leadDedup: DedupSpec = {
  candidate: (row, k) => ({
    id: row.id,
    name: row.name as string,
    emails: emailsOf(row),
    phones: phonesOf(row),
    city: row.city as string | null,
    province: row.province as string | null,
    org: row.company_name ? k.companyCore(row.company_name as string) : null,
  }),
  mergeFields: [
    'name',
    'companyName',
    'title',
    'phones',
    'emails',
    'industry',
    'region',
    'province',
    'city',
    'companySize',
    'source',
    'tags',
    'description',
    'ownerId',
  ],
};
