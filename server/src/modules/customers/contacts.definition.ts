import { maskIdNumber, maskPhone } from '#platform/crypto/mask.ts';
import { column } from '#platform/query/catalog.ts';
import type { ObjectDefinition } from '#platform/records/object-definition.ts';
import { phoneDigitsOf, searchTextOf } from '#platform/records/search.ts';
import { commonCatalog, commonToColumns, customerToApi, type Phone, parsed } from './customer-fields.definition.ts';
import type { TContact } from './customers.schema.ts';

const CJK = /[\u3400-\u9fff]/;

/** 张 + 伟 -> 张伟; John + Smith -> John Smith. */
export const fullName = (family: string | null | undefined, given: string | null | undefined): string => {
  const f = family?.trim() ?? '';
  const g = given?.trim() ?? '';
  return CJK.test(f + g) ? `${f}${g}` : [g, f].filter(Boolean).join(' ');
};

const SIMPLE: Record<string, string> = {
  familyName: 'family_name',
  givenName: 'given_name',
  companyId: 'company_id',
  title: 'title',
  department: 'department',
  gender: 'gender',
  birthday: 'birthday',
};

export const contactDefinition: ObjectDefinition<TContact> = {
  object: 'contact',
  table: 'contacts',
  defaultSort: '-createdAt',
  catalog: {
    ...commonCatalog,
    name: column('name', 'text', { nullable: false }),
    familyName: column('family_name', 'text'),
    givenName: column('given_name', 'text'),
    companyId: column('company_id', 'uuid'),
    title: column('title', 'text'),
    department: column('department', 'text'),
    gender: column('gender', 'enum', { values: ['male', 'female', 'other'] }),
    birthday: column('birthday', 'date'),
  },
  sensitive: [
    { field: 'phones', encrypted: false, mask: maskPhone },
    { field: 'idNumber', encrypted: true, mask: maskIdNumber },
  ],
  references: { company_id: 'companies', owner_id: 'users' },
  related: { company_id: 'companies' },
  toApi: (row, { cipher, related }) =>
    customerToApi(row, {
      name: row.name as string,
      familyName: row.family_name as string | null,
      givenName: row.given_name as string | null,
      companyId: row.company_id as string | null,
      company: row.company_id ? (related.get(row.company_id as string) ?? null) : null,
      title: row.title as string | null,
      department: row.department as string | null,
      gender: row.gender as string | null,
      birthday: row.birthday instanceof Date ? row.birthday.toISOString().slice(0, 10) : ((row.birthday as string | null) ?? null),
      idNumber: row.id_number ? cipher.decrypt(row.id_number as string) : null,
    }),
  toColumns: (input, errors, cipher, write) => {
    const columns = commonToColumns(input, errors, write);
    for (const [field, col] of Object.entries(SIMPLE)) if (field in input) columns[col] = input[field];
    if ('idNumber' in input) columns.id_number = input.idNumber ? cipher.encrypt(input.idNumber as string) : null;
    if (input.name) columns.name = input.name;
    else if (input.familyName || input.givenName) columns.name = fullName(input.familyName as string, input.givenName as string);
    return columns;
  },
  derived: (merged, related) => {
    const company = merged.company_id ? related.get(merged.company_id as string)?.name : null;
    const emails = parsed<{ address: string }[]>(merged.emails, []);
    return {
      search_text: searchTextOf([merged.name as string, company, ...emails.map((e) => e.address)]),
      phone_digits: phoneDigitsOf(parsed<Phone[]>(merged.phones, [])),
    };
  },
};
