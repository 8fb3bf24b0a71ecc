import { createHmac } from 'node:crypto';
import { companyDefinition, contactDefinition } from '#modules/customers/index.ts';
import { leadDefinition } from '#modules/leads/index.ts';
import type { FieldCipher } from '#platform/crypto/field-crypto.ts';
import type { ObjectDefinition } from '#platform/records/object-definition.ts';
import type { Row } from '#platform/records/records.repo.ts';

type Versioned = { id: string; version: number };
import type { CandidateInput } from './candidate.mapper.ts';
import { normalizeText } from './text.rules.ts';

export const DEDUP_OBJECTS = ['contact', 'company', 'lead'] as const;
export type DedupObject = (typeof DEDUP_OBJECTS)[number];

type Address = { street?: string; district?: string; city?: string; province?: string; postcode?: string } | null;
type KeyContext = { cipher: FieldCipher; secret: Buffer; tenantId: string };

/** ID numbers and tax ids become keyed hashes: equal ones still meet, the key table never holds them. */
export function identifierHash(k: KeyContext, value: string | null | undefined): string | null {
  const clean = value?.replace(/[\s-]/g, '').toUpperCase();
  return clean ? createHmac('sha256', k.secret).update(`${k.tenantId}:${clean}`).digest('base64url').slice(0, 22) : null;
}

const emailsOf = (row: Row) => ((row.emails ?? []) as { address: string }[]).map((e) => e.address);
const phonesOf = (row: Row) => ((row.phones ?? []) as { e164: string | null }[]).map((p) => p.e164);
const dateOf = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' ? v.slice(0, 10) : null);

const LEGAL_SUFFIX =
  /(股份有限公司|有限责任公司|有限公司|集团|公司|\b(co|company|corp|corporation|inc|incorporated|ltd|limited|llc|gmbh|plc|sa|ag|pte|pty)\b)/g;
/** 北京星辰科技有限公司 = 北京星辰科技; "Acme Co., Ltd." = acme. */
export const companyCore = (name: string): string => normalizeText(normalizeText(name).replace(LEGAL_SUFFIX, ' '));
const domainOf = (website: unknown): string | null =>
  typeof website === 'string' && website
    ? normalizeText(
        website
          .replace(/^https?:\/\//, '')
          .replace(/^www\./, '')
          .split('/')[0],
      ).replace(/ /g, '.') || null
    : null;

const addressInput = (a: Address) => ({
  street: [a?.street, a?.district].filter(Boolean).join(' ') || null,
  city: a?.city ?? null,
  province: a?.province ?? null,
  postcode: a?.postcode ?? null,
});

/** Per object: its table, its record definition (for merges) and how a row becomes detector input. */
export const OBJECTS: Record<
  DedupObject,
  { table: 'contacts' | 'companies' | 'leads'; def: ObjectDefinition<Versioned>; input: (row: Row, k: KeyContext) => CandidateInput }
> = {
  contact: {
    table: 'contacts',
    def: contactDefinition as unknown as ObjectDefinition<Versioned>,
    input: (row, k) => ({
      id: row.id,
      name: row.name as string,
      given: row.given_name as string | null,
      family: row.family_name as string | null,
      emails: emailsOf(row),
      phones: phonesOf(row),
      idHash: row.id_number ? identifierHash(k, k.cipher.decrypt(row.id_number as string)) : null,
      birthday: dateOf(row.birthday),
      ...addressInput(row.address as Address),
      org: (row.company_id as string | null) ?? null,
    }),
  },
  company: {
    table: 'companies',
    def: companyDefinition as unknown as ObjectDefinition<Versioned>,
    input: (row, k) => ({
      id: row.id,
      name: companyCore(row.name as string),
      emails: emailsOf(row),
      phones: phonesOf(row),
      idHash: identifierHash(k, row.tax_id as string | null),
      ...addressInput(row.address as Address),
      org: domainOf(row.website),
    }),
  },
  lead: {
    table: 'leads',
    def: leadDefinition as unknown as ObjectDefinition<Versioned>,
    input: (row) => ({
      id: row.id,
      name: row.name as string,
      emails: emailsOf(row),
      phones: phonesOf(row),
      city: row.city as string | null,
      province: row.province as string | null,
      org: row.company_name ? companyCore(row.company_name as string) : null,
    }),
  },
};

export const objectOfTable = (table: string): DedupObject | undefined => DEDUP_OBJECTS.find((o) => OBJECTS[o].table === table);
