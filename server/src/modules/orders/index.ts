import type { KehuModule } from '#platform/module.ts';
import { ALL_ACTIONS } from '#platform/objects/object-registry.ts';
import { recordRoutes } from '#platform/records/record-routes.ts';
import { ORDER_FIELDS } from './order-fields.definition.ts';
import { orderDefinition } from './orders.definition.ts';
import { orderRoutes } from './orders.routes.ts';
import { ZCreateOrderRequest, ZOrder, ZUpdateOrderRequest } from './orders.schema.ts';

export { orderDefinition };
export { ORDER_STATUSES, type OrderStatus, type TOrder } from './orders.schema.ts';
export { seedDemoOrders } from './orders.demo.ts';

/**
 * Sales orders (#19): from an accepted quote (lines copied) or entered directly, numbered from the
 * tenant's SO series, confirmed -> shipped -> delivered -> completed or cancelled with a reason;
 * confirmed orders reserve the stock of tracked products, shipping deducts it, cancelling releases it.
 */
export const ordersModule: KehuModule = {
  name: 'orders',
  objects: [
    {
      name: 'order',
      path: 'orders',
      label: { zh: '订单', en: 'Order' },
      actions: ALL_ACTIONS,
      capabilities: ['owned', 'audited', 'recycleBin', 'customFields', 'export', 'search', 'timeline'],
      definition: orderDefinition,
      fields: ORDER_FIELDS.names,
      listColumns: ['number', 'name', 'company', 'status', 'total', 'currency', 'orderedOn', 'owner'],
      numbering: { defaultPattern: 'SO-{yyyy}-{0000}' },
    },
  ],
  register(app, deps) {
    // First: its hook drops client totals from the record routes' bodies.
    orderRoutes(app, deps);
    recordRoutes(app, deps, { path: 'orders', tag: 'orders', def: orderDefinition, out: ZOrder, create: ZCreateOrderRequest, update: ZUpdateOrderRequest });
  },
};
