import { AppError, invalid } from '#platform/errors/app-error.ts';

/** The products module's refusals; messages live in ./locales under `products.`. */
export const productsErrors = {
  unknownProducts: (ids: string[]) => invalid('entries', 'products.unknown_products', { count: ids.length }),
  /** 409: restoring a product whose SKU another product took meanwhile. */
  skuTaken: (sku: string) => new AppError('conflict', { message: 'products.sku_taken', params: { sku } }),
};
