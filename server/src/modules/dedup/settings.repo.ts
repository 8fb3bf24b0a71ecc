import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

/** The stored settings of one object, as saved (missing keys take the defaults in the service). */
export async function selectSettings<T>(tx: Tx, object: string): Promise<Partial<T> | undefined> {
  const { rows } = await sql<{ settings: Partial<T> }>`select settings from dedup_settings where object = ${object}`.execute(tx);
  return rows[0]?.settings;
}

export async function upsertSettings(tx: Tx, tenantId: string, object: string, settings: unknown, userId: string | null): Promise<void> {
  await sql`insert into dedup_settings (tenant_id, object, settings, updated_by) values (${tenantId}, ${object}, ${JSON.stringify(settings)}, ${userId})
    on conflict (tenant_id, object) do update set settings = excluded.settings, updated_at = now(), updated_by = excluded.updated_by`.execute(tx);
}
