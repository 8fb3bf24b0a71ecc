import { z } from 'zod';
import { COMPANY_FIELDS } from './companies.definition.ts';
import { CONTACT_FIELDS } from './contacts.definition.ts';

export { LIFECYCLE_STAGES, ZAddress, ZEmail, ZPhone, ZPhoneOut } from './customer-fields.definition.ts';

export const ZContact = z.object(CONTACT_FIELDS.output);
export type TContact = z.infer<typeof ZContact>;

export const ZUpdateContactRequest = z.object(CONTACT_FIELDS.input).partial().strict();
export type TUpdateContactRequest = z.infer<typeof ZUpdateContactRequest>;
export const ZCreateContactRequest = ZUpdateContactRequest.refine((c) => !!(c.name || c.familyName || c.givenName), {
  path: ['name'],
  message: 'fields.required',
});
export type TCreateContactRequest = z.infer<typeof ZCreateContactRequest>;

export const ZCompany = z.object(COMPANY_FIELDS.output);
export type TCompany = z.infer<typeof ZCompany>;

export const ZUpdateCompanyRequest = z.object(COMPANY_FIELDS.input).partial().strict();
export type TUpdateCompanyRequest = z.infer<typeof ZUpdateCompanyRequest>;
export const ZCreateCompanyRequest = ZUpdateCompanyRequest.required({ name: true });
export type TCreateCompanyRequest = z.infer<typeof ZCreateCompanyRequest>;
