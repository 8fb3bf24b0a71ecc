import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

export type LayoutRow = {
  id: string;
  object: string;
  list_columns: unknown;
  sections: unknown;
  version: number;
};

const COLUMNS = ['id', 'object', 'list_columns', 'sections', 'version'] as const;

export async function findLayout(tx: Tx, object: string): Promise<LayoutRow | undefined> {
  return (await tx.selectFrom('object_layouts').select(COLUMNS).where('object', '=', object).executeTakeFirst()) as LayoutRow | undefined;
}

type LayoutValues = { list_columns: string | null; sections: string | null; updated_by: string | null };

/** The first save; undefined when another one got there first (the caller answers 412). */
export async function insertLayout(tx: Tx, o: { tenantId: string; id: string; object: string; values: LayoutValues }): Promise<LayoutRow | undefined> {
  return (await tx
    .insertInto('object_layouts')
    .values({ tenant_id: o.tenantId, id: o.id, object: o.object, ...o.values })
    .onConflict((c) => c.columns(['tenant_id', 'object']).doNothing())
    .returning(COLUMNS)
    .executeTakeFirst()) as LayoutRow | undefined;
}

/** Replaces the layout if it is still at `version`; undefined otherwise. */
export async function updateLayout(tx: Tx, o: { object: string; version: number; values: LayoutValues }): Promise<LayoutRow | undefined> {
  return (await tx
    .updateTable('object_layouts')
    .set({ ...o.values, version: sql`version + 1`, updated_at: sql`now()` })
    .where('object', '=', o.object)
    .where('version', '=', o.version)
    .returning(COLUMNS)
    .executeTakeFirst()) as LayoutRow | undefined;
}
