import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

export type DeskSettingsRow = { reopen_within_days: number | null; closed_reply: string; version: number };
const DEFAULTS: DeskSettingsRow = { reopen_within_days: null, closed_reply: 'follow_up', version: 0 };

/** The tenant's desk settings (the defaults, version 0, until an admin saves them). */
export async function findDeskSettings(tx: Tx, o: { forUpdate?: boolean } = {}): Promise<DeskSettingsRow> {
  let q = tx.selectFrom('ticket_desk_settings').select(['reopen_within_days', 'closed_reply', 'version']);
  if (o.forUpdate) q = q.forUpdate();
  return (await q.executeTakeFirst()) ?? DEFAULTS;
}

export async function saveDeskSettings(
  tx: Tx,
  o: { tenantId: string; userId: string | null; values: Pick<DeskSettingsRow, 'reopen_within_days' | 'closed_reply'> },
): Promise<DeskSettingsRow> {
  return tx
    .insertInto('ticket_desk_settings')
    .values({ tenant_id: o.tenantId, ...o.values, updated_by: o.userId })
    .onConflict((c) =>
      c.column('tenant_id').doUpdateSet({ ...o.values, updated_by: o.userId, updated_at: sql`now()`, version: sql`ticket_desk_settings.version + 1` }),
    )
    .returning(['reopen_within_days', 'closed_reply', 'version'])
    .executeTakeFirstOrThrow();
}
