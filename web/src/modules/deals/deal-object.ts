import type { FieldDef } from '#shared/fields/field-types';
import type { ObjectDef } from '#shared/records/object-def';

const f = (key: string, type: FieldDef['type'], label: FieldDef['label'], listDefault = false): FieldDef => ({ key, type, label, listDefault, readOnly: true });

/**
 * Deals' fields by API name, for the list's columns and the detail's facts as a layout arranges
 * them (the deal pages draw each one themselves); the list's defaults are the columns it always had.
 */
export const dealObject: ObjectDef = {
  object: 'deals',
  entity: 'deal',
  titleKey: 'name',
  titleOf: (r) => String(r.name ?? ''),
  fields: [
    f('name', 'text', 'deals.fields.name', true),
    f('companyId', 'company', 'deals.fields.company', true),
    f('contactId', 'lookup', 'deals.fields.contact'),
    f('pipelineId', 'text', 'deals.fields.pipeline'),
    f('stageId', 'text', 'deals.fields.stage', true),
    f('amount', 'money', 'deals.fields.amount', true),
    f('amountBase', 'money', { zh: '金额（本位币）', en: 'Amount (base currency)' }, true),
    f('probability', 'number', 'deals.fields.probability', true),
    f('expectedCloseDate', 'date', 'deals.fields.expectedCloseDate', true),
    f('forecastCategory', 'select', 'deals.fields.forecastCategory', true),
    f('ownerId', 'user', 'deals.fields.owner', true),
    f('closedAt', 'datetime', 'deals.fields.closedAt'),
    f('lostReason', 'select', 'deals.fields.lostReason'),
    f('lastActivityAt', 'datetime', 'deals.fields.lastActivityAt'),
    f('createdAt', 'datetime', 'deals.fields.createdAt'),
    f('description', 'longtext', 'deals.fields.description'),
  ],
};
