import { inSystem, inTenant } from '#db/tx.ts';
import type { Deps } from '#platform/deps.ts';
import { detectorFor, indexRows } from './detector.service.ts';
import { dropKeys, recordsByIds } from './keys.repo.ts';
import { recordsWithLegacyKeys, tenantIds } from './rekey.repo.ts';
import { detectorSettings, loadSettings } from './settings.service.ts';

/** The objects whose candidates carry an identifier hash (contacts' ID numbers, companies' tax ids). */
const HASHED = ['contact', 'company'];

export type RekeyOptions = { deps: Deps; batch?: number };

/**
 * Blocking keys of ID numbers and tax ids were HMACs keyed with the master key itself (`i:`); they
 * are now keyed with its 'dedup-identifier' HKDF sub-key (`h:`). This re-indexes, batch by batch,
 * the records still holding an old key, so they block with records keyed since. Idempotent and
 * resumable (a record loses its `i:` key when re-indexed); the dedup sweep runs it until none is left.
 */
export async function rekeyIdentifierHashes({ deps, batch = 500 }: RekeyOptions): Promise<number> {
  let total = 0;
  for (const tenantId of await inSystem(deps.db.kysely, (tx) => tenantIds(tx))) {
    for (const object of HASHED) {
      for (;;) {
        const done = await inTenant(deps.db.kysely, tenantId, async (tx) => {
          const ids = await recordsWithLegacyKeys(tx, { tenantId, object, limit: batch });
          if (!ids.length) return 0;
          const d = await detectorFor({ deps, tx, tenantId, object, settings: detectorSettings(await loadSettings(tx, object)) });
          const rows = await recordsByIds(tx, d.table, ids);
          await indexRows(
            d,
            rows.filter((r) => r.deleted_at === null),
          );
          const live = new Set(rows.filter((r) => r.deleted_at === null).map((r) => r.id));
          for (const id of ids) if (!live.has(id)) await dropKeys(tx, object, id);
          return ids.length;
        });
        total += done;
        if (done < batch) break;
      }
    }
  }
  return total;
}
