import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

export type LeadSettingsRow = {
  dedup_rules: unknown;
  conversion_mapping: unknown;
  mail: { smtpUrl?: string | null; from?: string | null };
  version: number;
};

export async function findLeadSettings(tx: Tx): Promise<LeadSettingsRow | undefined> {
  return (await tx.selectFrom('lead_settings').select(['dedup_rules', 'conversion_mapping', 'mail', 'version']).executeTakeFirst()) as
    | LeadSettingsRow
    | undefined;
}

/** Insert-or-update of the tenant's single row; the version bumps on every write. */
export async function saveLeadSettings(
  tx: Tx,
  o: { tenantId: string; userId: string | null; dedupRules: unknown; mapping: unknown; mail: unknown },
): Promise<LeadSettingsRow> {
  return (await tx
    .insertInto('lead_settings')
    .values({
      tenant_id: o.tenantId,
      dedup_rules: JSON.stringify(o.dedupRules),
      conversion_mapping: JSON.stringify(o.mapping),
      mail: JSON.stringify(o.mail),
      updated_by: o.userId,
    })
    .onConflict((c) =>
      c.column('tenant_id').doUpdateSet({
        dedup_rules: (eb) => eb.ref('excluded.dedup_rules'),
        conversion_mapping: (eb) => eb.ref('excluded.conversion_mapping'),
        mail: (eb) => eb.ref('excluded.mail'),
        updated_by: (eb) => eb.ref('excluded.updated_by'),
        updated_at: sql`now()`,
        version: sql`lead_settings.version + 1`,
      }),
    )
    .returning(['dedup_rules', 'conversion_mapping', 'mail', 'version'])
    .executeTakeFirstOrThrow()) as LeadSettingsRow;
}
