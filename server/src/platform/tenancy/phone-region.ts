import { sql } from 'kysely';
import type { CountryCode } from 'libphonenumber-js';
import type { Tx } from '#db/tx.ts';

/** Read once per transaction: an import writes thousands of records in one. */
const perTransaction = new WeakMap<Tx, CountryCode>();

/** The region phones without a country code are read in (Settings > General; CN unless changed). */
export async function phoneRegionOf(tx: Tx, tenantId: string): Promise<CountryCode> {
  const known = perTransaction.get(tx);
  if (known) return known;
  const { rows } = await sql<{ phone_region: string }>`select phone_region from tenants where id = ${tenantId}`.execute(tx);
  const region = (rows[0]?.phone_region ?? 'CN') as CountryCode;
  perTransaction.set(tx, region);
  return region;
}
