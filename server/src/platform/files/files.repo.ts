import type { Selectable } from 'kysely';
import type { Files } from '#db/schema.ts';
import type { Tx } from '#db/tx.ts';

export type FileRow = Selectable<Files>;

export const insertFile = (tx: Tx, row: Omit<FileRow, 'created_at'>) => tx.insertInto('files').values(row).returningAll().executeTakeFirstOrThrow();

export const findFile = (tx: Tx, id: string) => tx.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();

export const filesOfRecords = (tx: Tx, recordType: string, recordIds: readonly string[]) =>
  recordIds.length === 0
    ? Promise.resolve([] as FileRow[])
    : tx
        .selectFrom('files')
        .selectAll()
        .where('record_type', '=', recordType)
        .where('record_id', 'in', recordIds)
        .orderBy('created_at')
        .orderBy('id')
        .execute();

export const deleteFileRows = (tx: Tx, ids: readonly string[]) =>
  ids.length === 0 ? Promise.resolve([] as FileRow[]) : tx.deleteFrom('files').where('id', 'in', ids).returningAll().execute();

export const findFileSettings = (tx: Tx) => tx.selectFrom('file_settings').selectAll().executeTakeFirst();

export async function upsertFileSettings(tx: Tx, o: { tenantId: string; maxBytes: number; allowedTypes: string[]; userId: string | null }) {
  return tx
    .insertInto('file_settings')
    .values({ tenant_id: o.tenantId, max_bytes: String(o.maxBytes), allowed_types: o.allowedTypes, updated_by: o.userId })
    .onConflict((c) =>
      c.column('tenant_id').doUpdateSet((eb) => ({
        max_bytes: eb.ref('excluded.max_bytes'),
        allowed_types: eb.ref('excluded.allowed_types'),
        updated_by: eb.ref('excluded.updated_by'),
        updated_at: new Date(),
        version: eb('file_settings.version', '+', 1),
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}
