import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Tx } from '#db/tx.ts';
import type { MailTemplates } from '#db/schema.ts';

export type TemplateRow = Selectable<MailTemplates>;

export const listTemplates = (tx: Tx) => tx.selectFrom('mail_templates').selectAll().orderBy('name').execute();

export const findTemplate = (tx: Tx, id: string) => tx.selectFrom('mail_templates').selectAll().where('id', '=', id).executeTakeFirst();

export const templateNameTaken = async (tx: Tx, name: string, exceptId?: string) =>
  !!(await tx
    .selectFrom('mail_templates')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .$if(!!exceptId, (q) => q.where('id', '!=', exceptId as string))
    .executeTakeFirst());

export const insertTemplate = (tx: Tx, values: Insertable<MailTemplates>) =>
  tx.insertInto('mail_templates').values(values).returningAll().executeTakeFirstOrThrow();

export const updateTemplate = (tx: Tx, id: string, version: number, values: Updateable<MailTemplates>) =>
  tx
    .updateTable('mail_templates')
    .set((eb) => ({ ...values, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();

export const deleteTemplate = async (tx: Tx, id: string) => (await tx.deleteFrom('mail_templates').where('id', '=', id).executeTakeFirst()).numDeletedRows > 0n;
