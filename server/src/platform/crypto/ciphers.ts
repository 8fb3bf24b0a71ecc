import type { Kysely } from 'kysely';
import type { DB } from '#db/schema.ts';
import { type FieldCipher, fieldCipher } from './field-crypto.ts';

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
