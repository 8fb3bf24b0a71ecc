import { maskMiddle } from '#platform/crypto/mask.ts';
import { column } from '#platform/query/catalog.ts';
import type { ObjectDefinition } from '#platform/records/object-definition.ts';
import { phoneDigitsOf, searchTextOf } from '#platform/records/search.ts';
import { commonCatalog, commonToColumns, customerToApi, type Phone, parsed } from './customer-fields.definition.ts';
import type { TCompany } from './customers.schema.ts';

const SIMPLE: Record<string, string> = {
  name: 'name',
  industry: 'industry',
  website: 'website',
  employees: 'employees',
  annualRevenue: 'annual_revenue',
  currency: 'currency',
  taxId: 'tax_id',
};

export const companyDefinition: ObjectDefinition<TCompany> = {
  object: 'company',
  table: 'companies',
  defaultSort: '-createdAt',
  catalog: {
    ...commonCatalog,
    name: column('name', 'text', { nullable: false }),
    industry: column('industry', 'text'),
    website: column('website', 'text'),
    employees: column('employees', 'number'),
    annualRevenue: column('annual_revenue', 'decimal'),
    currency: column('currency', 'text'),
    taxId: column('tax_id', 'text'),
  },
  sensitive: [{ field: 'bankAccount', encrypted: true, mask: (v) => maskMiddle(v, 4, 4) }],
  references: { owner_id: 'users' },
  toApi: (row, { cipher }) =>
    customerToApi(row, {
      name: row.name as string,
      industry: row.industry as string | null,
      website: row.website as string | null,
      employees: row.employees as number | null,
      annualRevenue: row.annual_revenue as string | null,
      currency: row.currency as string | null,
      taxId: row.tax_id as string | null,
      bankAccount: row.bank_account ? cipher.decrypt(row.bank_account as string) : null,
    }),
  toColumns: (input, errors, cipher, write) => {
    const columns = commonToColumns(input, errors, write);
    for (const [field, col] of Object.entries(SIMPLE)) if (field in input) columns[col] = input[field];
    if ('bankAccount' in input) columns.bank_account = input.bankAccount ? cipher.encrypt(input.bankAccount as string) : null;
    return columns;
  },
  derived: (merged) => ({
    search_text: searchTextOf([merged.name as string, merged.website as string, ...parsed<{ address: string }[]>(merged.emails, []).map((e) => e.address)]),
    phone_digits: phoneDigitsOf(parsed<Phone[]>(merged.phones, [])),
  }),
};
