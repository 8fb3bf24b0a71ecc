import { z } from 'zod';
import { ORDER_FIELDS } from './order-fields.definition.ts';

export { ORDER_STATUSES, type OrderStatus } from './order-fields.definition.ts';

export const ZOrder = z.object(ORDER_FIELDS.output);
export type TOrder = z.infer<typeof ZOrder>;

/** Amounts a client may send back with an order it read: dropped before validation, the server computes them. */
export const COMPUTED_AMOUNTS = ['grossTotal', 'subtotal', 'discountAmount', 'taxTotal', 'total', 'totalBase'] as const;

export const ZUpdateOrderRequest = z.object(ORDER_FIELDS.input).partial().strict();
export type TUpdateOrderRequest = z.infer<typeof ZUpdateOrderRequest>;
/** From an accepted quote (`quoteId`: lines, customer and currency copied) or entered directly (a customer and lines). */
export const ZCreateOrderRequest = ZUpdateOrderRequest;

export const ZCancelOrderRequest = z.object({ reason: z.string().trim().min(1, 'orders.reason_required').max(1000) }).strict();
