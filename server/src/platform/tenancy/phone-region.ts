import { sql } from 'kysely';
import type { CountryCode } from 'libphonenumber-js';
import type { Tx } from '#db/tx.ts';
import { txMemo } from '#db/tx-memo.ts';

/** Read once per transaction: an import writes thousands of records in one. */
const memo = txMemo<CountryCode>();

/** The region phones without a country code are read in (Settings > General; CN unless changed). */
export function phoneRegionOf(tx: Tx, tenantId: string): Promise<CountryCode> {
  return memo(tx, tenantId, async () => {
    const { rows } = await sql<{ phone_region: string }>`select phone_region from tenants where id = ${tenantId}`.execute(tx);
    return (rows[0]?.phone_region ?? 'CN') as CountryCode;
  });
}
