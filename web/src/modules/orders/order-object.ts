import type { FieldDef, FieldOption } from '#shared/fields/field-types';
import type { ObjectDef } from '#shared/records/object-def';

const STATUS_OPTIONS: FieldOption[] = [
  { value: 'confirmed', label: { zh: '已确认', en: 'Confirmed' } },
  { value: 'shipped', label: { zh: '已发货', en: 'Shipped' } },
  { value: 'delivered', label: { zh: '已签收', en: 'Delivered' } },
  { value: 'completed', label: { zh: '已完成', en: 'Completed' } },
  { value: 'cancelled', label: { zh: '已取消', en: 'Cancelled' } },
];

const f = (key: string, type: FieldDef['type'], extra: Partial<FieldDef> = {}): FieldDef => ({
  key,
  type,
  label: `orders.fields.${key}`,
  readOnly: true,
  sortable: true,
  filterable: true,
  ...extra,
});

/** Orders on the generic list (made from an accepted quote, moved along on their own page). */
export const orderObject: ObjectDef = {
  object: 'orders',
  entity: 'order',
  titleKey: 'number',
  titleOf: (r) => String(r.number ?? ''),
  fields: [
    f('number', 'text', { listDefault: true }),
    f('name', 'text', { listDefault: true }),
    f('companyId', 'company', { listDefault: true }),
    f('status', 'select', { listDefault: true, options: STATUS_OPTIONS }),
    f('total', 'decimal', { listDefault: true }),
    f('currency', 'text', { listDefault: true }),
    f('orderedOn', 'date', { listDefault: true }),
    f('ownerId', 'user', { listDefault: true }),
    f('createdAt', 'datetime'),
    f('shippedAt', 'datetime'),
    f('deliveredAt', 'datetime'),
    f('completedAt', 'datetime'),
    f('cancelledAt', 'datetime'),
    f('cancelReason', 'text', { filterable: false }),
  ],
};
