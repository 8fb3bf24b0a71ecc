import type { FieldDef, FieldOption } from '#shared/fields/field-types';
import type { ObjectDef } from '#shared/records/object-def';

const STATUS_OPTIONS: FieldOption[] = [
  { value: 'draft', label: { zh: '草稿', en: 'Draft' } },
  { value: 'in_approval', label: { zh: '审批中', en: 'In approval' } },
  { value: 'approved', label: { zh: '已批准', en: 'Approved' } },
  { value: 'sent', label: { zh: '已发送', en: 'Sent' } },
  { value: 'accepted', label: { zh: '已接受', en: 'Accepted' } },
  { value: 'rejected', label: { zh: '已拒绝', en: 'Rejected' } },
  { value: 'expired', label: { zh: '已过期', en: 'Expired' } },
];

const f = (key: string, type: FieldDef['type'], extra: Partial<FieldDef> = {}): FieldDef => ({
  key,
  type,
  label: `quotes.fields.${key}`,
  readOnly: true,
  sortable: true,
  filterable: true,
  ...extra,
});

/** Quotes on the generic list (created from a deal or a customer, edited on their own page). */
export const quoteObject: ObjectDef = {
  object: 'quotes',
  entity: 'quote',
  titleKey: 'number',
  titleOf: (r) => `${String(r.number ?? '')} v${String(r.revision ?? 1)}`,
  fields: [
    f('number', 'text', { listDefault: true }),
    f('revision', 'number', { listDefault: true }),
    f('name', 'text', { listDefault: true }),
    f('companyId', 'company', { listDefault: true }),
    f('status', 'select', { listDefault: true, options: STATUS_OPTIONS }),
    f('total', 'decimal', { listDefault: true }),
    f('currency', 'text', { listDefault: true }),
    f('discount', 'decimal'),
    f('validUntil', 'date', { listDefault: true }),
    f('ownerId', 'user', { listDefault: true }),
    f('latest', 'boolean'),
    f('createdAt', 'datetime'),
    f('sentAt', 'datetime'),
    f('decidedAt', 'datetime'),
  ],
};
