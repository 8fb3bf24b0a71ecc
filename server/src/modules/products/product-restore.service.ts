import type { AppError } from '#platform/errors/app-error.ts';
import type { WriteGuard } from '#platform/records/write-guards.ts';
import { deletedSkus, skuTaken } from './products.repo.ts';
import { productsErrors } from './products.errors.ts';

/**
 * A product restored from the recycle bin while a live one took its SKU would break the unique
 * index (a 500); the record service asks write guards before a restore (action `restore`), so this
 * one refuses such a restore with a 409 that names the SKU.
 */
export const productRestoreGuard: WriteGuard = async ({ tx, object, ids, action }) => {
  const refused = new Map<string, AppError>();
  if (object !== 'product' || action !== 'restore' || ids.length === 0) return refused;
  for (const row of await deletedSkus(tx, ids))
    if (await skuTaken(tx, { sku: row.sku, excludeId: row.id })) refused.set(row.id, productsErrors.skuTaken(row.sku));
  return refused;
};
