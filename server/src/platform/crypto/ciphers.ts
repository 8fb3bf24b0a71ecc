import type { Kysely } from 'kysely';
import type { DB } from '#db/schema.ts';
import { type FieldCipher, fieldCipher, rewrapDataKey } from './field-crypto.ts';

/**
 * Pass the open transaction when inside one: on PGlite a second connection does not exist, so
 * a query on the pool from inside a transaction would wait for itself.
 */
export type CipherRegistry = { forTenant: (tenantId: string, executor?: Kysely<DB>) => Promise<FieldCipher> };

/** Opens each tenant's data key once per process. */
export function cipherRegistry(db: Kysely<DB>, master: Buffer): CipherRegistry {
  const cache = new Map<string, Promise<FieldCipher>>();
  return {
    forTenant(tenantId, executor = db) {
      let cipher = cache.get(tenantId);
      if (!cipher) {
        cipher = executor
          .selectFrom('tenants')
          .select('data_key')
          .where('id', '=', tenantId)
          .executeTakeFirstOrThrow()
          .then((row) => fieldCipher(master, row.data_key));
        cipher.catch(() => cache.delete(tenantId));
        cache.set(tenantId, cipher);
      }
      return cipher;
    },
  };
}

/**
 * Wraps again, with the current wrapping sub-key, every tenant data key stored an older way (sealed
 * by the master key itself before HKDF, or wrapped under the version-1 master key before scrypt). Run at start, where the secret is known (a migration is not);
 * idempotent, and safe beside other instances doing the same (each update checks the old value).
 */
export async function rewrapDataKeys(db: Kysely<DB>, master: Buffer): Promise<number> {
  const rows = await db.selectFrom('tenants').select(['id', 'data_key']).where('data_key', 'not like', 'k3:%').execute();
  let done = 0;
  for (const row of rows) {
    const wrapped = rewrapDataKey(master, row.data_key);
    if (!wrapped) continue;
    const updated = await db.updateTable('tenants').set({ data_key: wrapped }).where('id', '=', row.id).where('data_key', '=', row.data_key).executeTakeFirst();
    done += Number(updated.numUpdatedRows);
  }
  return done;
}
