import type { ObjectDefinition } from '#platform/records/object-definition.ts';
import { searchTextOf } from '#platform/records/search.ts';
import { ORDER_FIELDS } from './order-fields.definition.ts';
import { prepareOrder, TRANSITION, type Transition } from './order-prepare.service.ts';
import { syncStock } from './order-stock.service.ts';
import type { TOrder } from './orders.schema.ts';

/** The module's own writes (status and its times) as columns. */
function transitionColumns(t: Transition): Record<string, unknown> {
  const columns: Record<string, unknown> = { status: t.status };
  if (t.shippedAt) columns.shipped_at = t.shippedAt;
  if (t.deliveredAt) columns.delivered_at = t.deliveredAt;
  if (t.completedAt) columns.completed_at = t.completedAt;
  if (t.cancelledAt) columns.cancelled_at = t.cancelledAt;
  if (t.cancelReason) columns.cancel_reason = t.cancelReason;
  return columns;
}

export const orderDefinition: ObjectDefinition<TOrder> = {
  object: 'order',
  table: 'orders',
  defaultSort: '-createdAt',
  catalog: ORDER_FIELDS.catalog,
  sensitive: ORDER_FIELDS.sensitive,
  fields: ORDER_FIELDS.meta,
  references: ORDER_FIELDS.references,
  related: ORDER_FIELDS.related,
  toApi: (row, ctx) => ORDER_FIELDS.toApi(row, ctx) as Omit<TOrder, 'owner'>,
  toColumns: (input, errors, cipher, write) => {
    const columns = ORDER_FIELDS.toColumns(input, { errors, cipher, write });
    const t = input[TRANSITION] as Transition | undefined;
    return t ? Object.assign(columns, transitionColumns(t)) : columns;
  },
  prepare: async (o) => {
    if (o.existing && o.input[TRANSITION]) return;
    await prepareOrder(o);
  },
  afterWrite: syncStock,
  derived: (merged, related) => ({
    search_text: searchTextOf([
      merged.number as string,
      merged.name as string,
      related.get(merged.company_id as string)?.name,
      related.get(merged.contact_id as string)?.name,
      related.get(merged.deal_id as string)?.name,
    ]),
  }),
};
