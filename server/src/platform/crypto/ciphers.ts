import type { Kysely } from 'kysely';
import type { DB } from '#db/schema.ts';
import { type FieldCipher, fieldCipher } from './field-crypto.ts';

export type CipherRegistry = { forTenant: (tenantId: string) => Promise<FieldCipher> };

/** Opens each tenant's data key once per process. */
export function cipherRegistry(db: Kysely<DB>, master: Buffer): CipherRegistry {
  const cache = new Map<string, Promise<FieldCipher>>();
  return {
    forTenant(tenantId) {
      let cipher = cache.get(tenantId);
      if (!cipher) {
        cipher = db
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
