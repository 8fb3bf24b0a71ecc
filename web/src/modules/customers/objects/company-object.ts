import type { ObjectDef } from '#shared/records/object-def';
import { CURRENCY_OPTIONS, addressFilters, commonFields as c } from './shared-fields';

export const companyObject: ObjectDef = {
  object: 'companies',
  entity: 'company',
  titleKey: 'name',
  filterFields: addressFilters,
  titleOf: (r) => String(r.name ?? ''),
  fields: [
    { key: 'name', type: 'text', label: 'fields.companyName', required: true, listDefault: true, sortable: true, filterable: true, maxLength: 200 },
    { key: 'industry', type: 'text', label: 'fields.industry', listDefault: true, sortable: true, filterable: true, maxLength: 100 },
    { key: 'website', type: 'url', label: 'fields.website', filterable: true, maxLength: 500 },
    { key: 'employees', type: 'number', label: 'fields.employees', sortable: true, filterable: true },
    { key: 'annualRevenue', type: 'money', label: 'fields.annualRevenue', sortable: true, filterable: true },
    { key: 'currency', type: 'select', label: 'fields.currency', options: CURRENCY_OPTIONS, filterable: true },
    c.phones,
    c.emails,
    c.address,
    c.tier,
    c.lifecycleStage,
    c.source,
    c.tags,
    c.ownerId,
    { key: 'taxId', type: 'text', label: 'fields.taxId', filterable: true, maxLength: 50 },
    { key: 'bankAccount', type: 'text', label: 'fields.bankAccount', sensitive: true, maxLength: 100 },
    c.description,
    c.createdAt,
    c.updatedAt,
  ],
};
