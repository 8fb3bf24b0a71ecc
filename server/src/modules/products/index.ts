import type { KehuModule } from '#platform/module.ts';
import { ALL_ACTIONS } from '#platform/objects/object-registry.ts';
import { recordRoutes } from '#platform/records/record-routes.ts';
import { productImport } from './product-import.definition.ts';
import { productRestoreGuard } from './product-restore.service.ts';
import { PRICE_BOOK_FIELDS, PRODUCT_FIELDS } from './product-fields.definition.ts';
import { priceBookDefinition, productDefinition } from './products.definition.ts';
import { priceBookEntryRoutes } from './products.routes.ts';
import { ZCreatePriceBookRequest, ZCreateProductRequest, ZPriceBook, ZProduct, ZUpdatePriceBookRequest, ZUpdateProductRequest } from './products.schema.ts';

export { productDefinition, priceBookDefinition };
/** Products with their price in a price book, for quote lines (in the caller's transaction). */
export { pricedProducts, findPriceBook, type PricedProduct, type PriceBookRow } from './products.repo.ts';
export { ZCurrency, ZPercent } from './products.schema.ts';
/** Stock reservation by orders (in the caller's transaction): reserve on confirmation, release on cancel, deduct on shipping. */
export { reserveStock, moveReservedStock, isLowStock, type StockMove, type StockLevel } from './products.repo.ts';
export type { TProduct, TPriceBook } from './products.schema.ts';
export { seedDemoProducts } from './products.demo.ts';

/**
 * Products and price books (#19): the catalog everyone reads (admins and roles granted it edit
 * it), price books with a price per product, in one currency, valid between two days.
 */
export const productsModule: KehuModule = {
  name: 'products',
  objects: [
    {
      name: 'product',
      path: 'products',
      label: { zh: '产品', en: 'Product' },
      actions: ALL_ACTIONS,
      capabilities: ['audited', 'recycleBin', 'customFields', 'import', 'export', 'search'],
      everyoneReads: true,
      definition: productDefinition,
      import: productImport,
      fields: PRODUCT_FIELDS.names,
      listColumns: ['sku', 'name', 'category', 'unit', 'listPrice', 'currency', 'taxRate', 'active'],
    },
    {
      name: 'price_book',
      path: 'price-books',
      label: { zh: '价格表', en: 'Price book' },
      actions: ALL_ACTIONS,
      capabilities: ['audited', 'recycleBin', 'customFields', 'export', 'search'],
      everyoneReads: true,
      definition: priceBookDefinition,
      fields: PRICE_BOOK_FIELDS.names,
      listColumns: ['name', 'currency', 'validFrom', 'validTo', 'active'],
    },
  ],
  register(app, deps) {
    recordRoutes(app, deps, {
      path: 'products',
      tag: 'products',
      def: productDefinition,
      out: ZProduct,
      create: ZCreateProductRequest,
      update: ZUpdateProductRequest,
    });
    recordRoutes(app, deps, {
      path: 'price-books',
      tag: 'price-books',
      def: priceBookDefinition,
      out: ZPriceBook,
      create: ZCreatePriceBookRequest,
      update: ZUpdatePriceBookRequest,
    });
    priceBookEntryRoutes(app, deps);
    deps.writeGuards?.add(productRestoreGuard);
  },
};
