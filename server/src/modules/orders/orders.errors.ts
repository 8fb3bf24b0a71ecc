import { AppError, invalid } from '#platform/errors/app-error.ts';
import type { OrderStatus } from './order-fields.definition.ts';

export type OrderAction = 'ship' | 'deliver' | 'complete' | 'cancel';

/** The orders module's refusals; messages live in ./locales under `orders.`. */
export const ordersErrors = {
  /** 409: the action does not apply to an order in this status. */
  wrongStatus: (action: OrderAction, status: OrderStatus) => new AppError('conflict', { message: `orders.cannot_${action}`, params: { status } }),
  /** 409: what an order is made of is fixed once it is confirmed (cancel it and enter another). */
  linesLocked: () => new AppError('conflict', { message: 'orders.lines_locked' }),
  /** 409: not enough available stock for a tracked product. */
  insufficientStock: (sku: string, available: string) => new AppError('conflict', { message: 'orders.insufficient_stock', params: { sku, available } }),
  quoteNotAccepted: () => invalid('quoteId', 'orders.quote_not_accepted'),
  quoteOrdered: () => invalid('quoteId', 'orders.quote_ordered'),
  /** 412: another write moved the record first (its version is no longer the one read). */
  staleVersion: (expected: number) => new AppError('precondition_failed', { params: { expected, actual: expected + 1 } }),
};
