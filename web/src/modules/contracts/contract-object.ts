import type { FieldDef, FieldOption } from '#shared/fields/field-types';
import type { ObjectDef } from '#shared/records/object-def';

const STATUS_OPTIONS: FieldOption[] = [
  { value: 'draft', label: { zh: '草稿', en: 'Draft' } },
  { value: 'in_approval', label: { zh: '审批中', en: 'In approval' } },
  { value: 'signed', label: { zh: '已签署', en: 'Signed' } },
  { value: 'active', label: { zh: '执行中', en: 'Active' } },
  { value: 'expired', label: { zh: '已到期', en: 'Expired' } },
  { value: 'terminated', label: { zh: '已终止', en: 'Terminated' } },
];

const f = (key: string, type: FieldDef['type'], extra: Partial<FieldDef> = {}): FieldDef => ({
  key,
  type,
  label: `contracts.fields.${key}`,
  readOnly: true,
  sortable: true,
  filterable: true,
  ...extra,
});

/** Contracts on the generic list (created from a customer or a deal, worked on their own page). */
export const contractObject: ObjectDef = {
  object: 'contracts',
  entity: 'contract',
  titleKey: 'number',
  titleOf: (r) => `${String(r.number ?? '')} ${String(r.name ?? '')}`,
  fields: [
    f('number', 'text', { listDefault: true }),
    f('name', 'text', { listDefault: true }),
    f('companyId', 'company', { listDefault: true }),
    f('status', 'select', { listDefault: true, options: STATUS_OPTIONS }),
    f('amount', 'decimal', { listDefault: true }),
    f('currency', 'text', { listDefault: true }),
    f('receivedAmount', 'decimal', { listDefault: true }),
    f('endsOn', 'date', { listDefault: true }),
    f('ownerId', 'user', { listDefault: true }),
    f('startsOn', 'date'),
    f('signedOn', 'date'),
    f('createdAt', 'datetime'),
  ],
};
