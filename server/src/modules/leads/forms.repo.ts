import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

export type FormRow = {
  tenant_id: string;
  id: string;
  name: string;
  fields: unknown;
  allowed_origins: string[];
  success_message: unknown;
  redirect_url: string | null;
  double_opt_in: boolean;
  owner_id: string | null;
  source: string | null;
  campaign: string | null;
  active: boolean;
  submissions: number;
  created_at: Date;
  updated_at: Date;
  version: number;
  deleted_at: Date | null;
};

export async function listForms(tx: Tx): Promise<FormRow[]> {
  return (await tx.selectFrom('lead_forms').selectAll().where('deleted_at', 'is', null).orderBy('created_at', 'desc').execute()) as FormRow[];
}

export async function findForm(tx: Tx, id: string): Promise<FormRow | undefined> {
  return (await tx.selectFrom('lead_forms').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()) as FormRow | undefined;
}

export async function insertForm(tx: Tx, values: Record<string, unknown>): Promise<FormRow> {
  return (await tx
    .insertInto('lead_forms')
    .values(values as never)
    .returningAll()
    .executeTakeFirstOrThrow()) as FormRow;
}

/** Optimistic update; undefined when the version moved. */
export async function updateForm(tx: Tx, id: string, values: Record<string, unknown>, version: number): Promise<FormRow | undefined> {
  return (await tx
    .updateTable('lead_forms')
    .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` } as never)
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst()) as FormRow | undefined;
}

export async function countSubmission(tx: Tx, id: string): Promise<void> {
  await tx.updateTable('lead_forms').set({ submissions: sql`submissions + 1` }).where('id', '=', id).execute();
}

/** The public endpoint knows only the form id: looked up as the owner role, before any tenant is bound. */
export async function findPublicForm(tx: Tx, id: string): Promise<FormRow | undefined> {
  return (await tx.selectFrom('lead_forms').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()) as FormRow | undefined;
}
