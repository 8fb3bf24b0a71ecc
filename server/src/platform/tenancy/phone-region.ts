import { sql } from 'kysely';
import type { CountryCode } from 'libphonenumber-js';
import type { Tx } from '#db/tx.ts';

/** The region phones without a country code are read in (Settings > General; CN unless changed). */
export async function phoneRegionOf(tx: Tx, tenantId: string): Promise<CountryCode> {
  const { rows } = await sql<{ phone_region: string }>`select phone_region from tenants where id = ${tenantId}`.execute(tx);
  return (rows[0]?.phone_region ?? 'CN') as CountryCode;
}
