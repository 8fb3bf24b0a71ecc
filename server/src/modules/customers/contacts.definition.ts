import { maskIdNumber, maskPhone } from '#platform/crypto/mask.ts';
import { date, enumOf, id, masked, recordFields, ref, refName, text } from '#platform/objects/fields.ts';
import { defineFields } from '#platform/objects/object-fields.ts';
import type { ObjectDefinition } from '#platform/records/object-definition.ts';
import { phoneDigitsOf, searchTextOf } from '#platform/records/search.ts';
import { customerFields, customerFilters, type Phone, parsed } from './customer-fields.definition.ts';
import type { TContact } from './customers.schema.ts';

const CJK = /[\u3400-\u9fff]/;

/** 张 + 伟 -> 张伟; John + Smith -> John Smith. */
export const fullName = (family: string | null | undefined, given: string | null | undefined): string => {
  const f = family?.trim() ?? '';
  const g = given?.trim() ?? '';
  return CJK.test(f + g) ? `${f}${g}` : [g, f].filter(Boolean).join(' ');
};

const customer = customerFields();

/** A contact's fields, declared once: catalog, mapping, request and response schemas derive from them. */
export const CONTACT_FIELDS = defineFields({
  id: id(),
  name: text({ max: 200, required: true, classification: 'personal' }),
  familyName: text({ max: 100, classification: 'personal' }),
  givenName: text({ max: 100, classification: 'personal' }),
  companyId: ref({ to: 'companies', named: true }),
  company: refName('company_id'),
  title: text({ max: 100 }),
  department: text({ max: 100 }),
  gender: enumOf(['male', 'female', 'other']),
  birthday: date({ classification: 'personal' }),
  ...customer,
  // A person's phone numbers are masked for roles that may not read them (a company's are not).
  phones: masked(customer.phones, maskPhone),
  idNumber: masked(text({ max: 40 }), maskIdNumber, { encrypted: true }),
  ...recordFields(),
});

export const contactDefinition: ObjectDefinition<TContact> = {
  object: 'contact',
  table: 'contacts',
  defaultSort: '-createdAt',
  catalog: { ...CONTACT_FIELDS.catalog, ...customerFilters },
  sensitive: CONTACT_FIELDS.sensitive,
  fields: CONTACT_FIELDS.meta,
  references: CONTACT_FIELDS.references,
  related: CONTACT_FIELDS.related,
  toApi: (row, ctx) => CONTACT_FIELDS.toApi(row, ctx) as Omit<TContact, 'owner'>,
  toColumns: (input, errors, cipher, write) => {
    const columns = CONTACT_FIELDS.toColumns(input, { errors, cipher, write });
    if (!input.name && (input.familyName || input.givenName)) columns.name = fullName(input.familyName as string, input.givenName as string);
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
