import type { FieldDef } from '#shared/fields/field-types';
import type { ObjectDef } from '#shared/records/object-def';

const field = (key: string, type: FieldDef['type'], extra: Partial<FieldDef> = {}): FieldDef => ({
  key,
  type,
  label: `products.fields.${key}`,
  sortable: true,
  filterable: true,
  ...extra,
});

/** Products on the generic record list, form and detail; limits and read-only fields come from the server's declaration. */
export const productObject: ObjectDef = {
  object: 'products',
  entity: 'product',
  titleKey: 'name',
  titleOf: (r) => String(r.name ?? ''),
  fields: [
    field('sku', 'text', { required: true, listDefault: true, maxLength: 64 }),
    field('name', 'text', { required: true, listDefault: true, maxLength: 200 }),
    field('nameEn', 'text', { maxLength: 200 }),
    field('category', 'text', { listDefault: true, maxLength: 100 }),
    field('unit', 'text', { listDefault: true, maxLength: 20 }),
    field('listPrice', 'decimal', { listDefault: true, required: true }),
    field('currency', 'text', { listDefault: true, maxLength: 3 }),
    field('taxRate', 'decimal', { listDefault: true }),
    field('stockOnHand', 'decimal'),
    field('stockReserved', 'decimal', { readOnly: true }),
    field('lowStockThreshold', 'decimal'),
    field('active', 'boolean', { listDefault: true, defaultValue: true }),
    field('description', 'longtext', { sortable: false, filterable: false }),
  ],
};
