import type { KehuModule } from '#platform/module.ts';
import { ALL_ACTIONS } from '#platform/objects/object-registry.ts';
import { companyDefinition } from './companies.definition.ts';
import { companyDedup, contactDedup } from './customer-dedup.definition.ts';
import { companyImport, contactImport } from './customer-import.definition.ts';
import { contactDefinition } from './contacts.definition.ts';
import { ZCompany, ZContact, ZCreateCompanyRequest, ZCreateContactRequest, ZUpdateCompanyRequest, ZUpdateContactRequest } from './customers.schema.ts';
import { recordRoutes } from '#platform/records/record-routes.ts';

export { companyDefinition, contactDefinition };
/** How imports and duplicate detection read contacts and companies (their tests use them). */
export { companyDedup, companyImport, contactDedup, contactImport };
/** Request schemas, so imports validate rows exactly as the API does. */
export { ZCreateCompanyRequest, ZCreateContactRequest, ZUpdateCompanyRequest, ZUpdateContactRequest };
/** Response schemas: their fields are what exports may name as columns. */
export { ZCompany, ZContact };

/** Companies (accounts) and contacts (persons), with the customer 360 timeline. */
export const customersModule: KehuModule = {
  name: 'customers',
  objects: [
    {
      name: 'company',
      path: 'companies',
      label: { zh: '客户', en: 'Company' },
      actions: ALL_ACTIONS,
      capabilities: ['owned', 'audited', 'recycleBin', 'customFields', 'import', 'export', 'search', 'timeline', 'pool', 'dedup'],
      definition: companyDefinition,
      import: companyImport,
      dedup: companyDedup,
      fields: Object.keys(ZCompany.shape),
      listColumns: ['name', 'industry', 'phones', 'emails', 'website', 'address', 'ownerId', 'tier', 'tags', 'createdAt'],
    },
    {
      name: 'contact',
      path: 'contacts',
      label: { zh: '联系人', en: 'Contact' },
      actions: ALL_ACTIONS,
      // pool: contacts without a company (B2C customers); a company's contacts move with it.
      capabilities: ['owned', 'audited', 'recycleBin', 'customFields', 'import', 'export', 'search', 'timeline', 'pool', 'dedup'],
      definition: contactDefinition,
      import: contactImport,
      dedup: contactDedup,
      fields: Object.keys(ZContact.shape),
      listColumns: ['name', 'companyId', 'title', 'phones', 'emails', 'address', 'ownerId', 'lifecycleStage', 'tags', 'createdAt'],
    },
  ],
  register(app, deps) {
    recordRoutes(app, deps, {
      path: 'companies',
      tag: 'companies',
      def: companyDefinition,
      out: ZCompany,
      create: ZCreateCompanyRequest,
      update: ZUpdateCompanyRequest,
    });
    recordRoutes(app, deps, {
      path: 'contacts',
      tag: 'contacts',
      def: contactDefinition,
      out: ZContact,
      create: ZCreateContactRequest,
      update: ZUpdateContactRequest,
    });
  },
};
