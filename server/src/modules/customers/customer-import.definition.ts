import type { ImportSpec } from '#platform/objects/import-spec.ts';
import { COMPANY_PRESETS, CONTACT_PRESETS } from './crm-presets.definition.ts';
import { ZCreateCompanyRequest, ZCreateContactRequest, ZUpdateCompanyRequest, ZUpdateContactRequest } from './customers.schema.ts';

/** Address parts and contact points that contacts and companies share. */
const COMMON = [
  'email',
  'phone',
  'mobile',
  'source',
  'tier',
  'lifecycleStage',
  'tags',
  'description',
  'country',
  'province',
  'city',
  'district',
  'street',
  'postcode',
] as const;

/** Contacts: the company column links the contact to a company by name, created when missing (the import's `createCompanies`). */
export const contactImport: ImportSpec = {
  fields: ['name', 'familyName', 'givenName', 'company', 'title', 'department', 'gender', 'birthday', 'idNumber', ...COMMON],
  presets: CONTACT_PRESETS,
  cells: { gender: 'gender', birthday: 'date', tags: 'list' },
  address: true,
  parent: { field: 'company', object: 'company', idField: 'companyId', column: 'company_id' },
  matches: ['email', 'phone', 'nameCompany'],
  defaultMatch: 'email',
  schemas: { create: ZCreateContactRequest, update: ZUpdateContactRequest },
  batched: true,
};

export const companyImport: ImportSpec = {
  fields: ['name', 'industry', 'website', 'employees', 'annualRevenue', 'currency', 'taxId', ...COMMON],
  // A company's own name column is usually headed "公司名称" / "Company Name".
  synonyms: { name: 'company' },
  presets: COMPANY_PRESETS,
  cells: { employees: 'integer', annualRevenue: 'decimal', currency: 'currency', tags: 'list' },
  address: true,
  matches: ['email', 'phone', 'nameCompany'],
  defaultMatch: 'email',
  schemas: { create: ZCreateCompanyRequest, update: ZUpdateCompanyRequest },
  batched: true,
};
