import type { Selectable } from 'kysely';
import type { Tx } from '#db/tx.ts';
import type { PrivacyProcessing } from '#db/schema.ts';

export type ProcessingRow = Selectable<PrivacyProcessing>;

export const listProcessing = (tx: Tx): Promise<ProcessingRow[]> => tx.selectFrom('privacy_processing').selectAll().execute();

export const findProcessing = (tx: Tx, object: string) =>
  tx.selectFrom('privacy_processing').selectAll().where('object', '=', object).forUpdate().executeTakeFirst();

type Values = { purpose: string | null; legal_basis: string | null; retention: string | null; updated_by: string | null };

export const insertProcessing = (tx: Tx, o: { tenantId: string; id: string; object: string; values: Values }) =>
  tx
    .insertInto('privacy_processing')
    .values({ tenant_id: o.tenantId, id: o.id, object: o.object, ...o.values })
    .returningAll()
    .executeTakeFirstOrThrow();

/** Null when another write changed the version in between. */
export const updateProcessing = (tx: Tx, o: { object: string; version: number; values: Values }) =>
  tx
    .updateTable('privacy_processing')
    .set({ ...o.values, version: o.version + 1, updated_at: new Date() })
    .where('object', '=', o.object)
    .where('version', '=', o.version)
    .returningAll()
    .executeTakeFirst();
