import { formatPersonName } from '#shared/format/format';
import type { ObjectDef } from '#shared/records/object-def';
import { GENDER_OPTIONS, addressFilters, commonFields as c } from './shared-fields';

export const contactObject: ObjectDef = {
  object: 'contacts',
  entity: 'contact',
  titleKey: 'name',
  filterFields: addressFilters,
  titleOf: (r) => formatPersonName(r as Parameters<typeof formatPersonName>[0]),
  fields: [
    { key: 'familyName', type: 'text', label: 'fields.familyName', required: true, sortable: true, filterable: true, maxLength: 100 },
    { key: 'givenName', type: 'text', label: 'fields.givenName', sortable: true, filterable: true, maxLength: 100 },
    { key: 'name', type: 'text', label: 'fields.contactName', readOnly: true, listDefault: true, sortable: true, filterable: true },
    { key: 'companyId', type: 'company', label: 'fields.company', listDefault: true, sortable: false, filterable: true },
    { key: 'title', type: 'text', label: 'fields.title', listDefault: true, sortable: true, filterable: true, maxLength: 100 },
    { key: 'department', type: 'text', label: 'fields.department', sortable: true, filterable: true, maxLength: 100 },
    { key: 'gender', type: 'select', label: 'fields.gender', options: GENDER_OPTIONS, filterable: true },
    { key: 'birthday', type: 'date', label: 'fields.birthday', sortable: true, filterable: true },
    c.phones,
    c.emails,
    c.address,
    c.tier,
    c.lifecycleStage,
    c.source,
    c.tags,
    c.ownerId,
    { key: 'idNumber', type: 'text', label: 'fields.idNumber', sensitive: true, maxLength: 40 },
    c.description,
    c.createdAt,
    c.updatedAt,
  ],
  // The API requires `name`; derive it in 姓名 order from the parts the user typed.
  prepare: (values) => {
    const name = formatPersonName({ familyName: values.familyName as string, givenName: values.givenName as string });
    return { name };
  },
};
