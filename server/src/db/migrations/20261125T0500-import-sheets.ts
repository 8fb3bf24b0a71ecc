import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.
// An XLSX import's sheet names (workbook order, jsonb like `columns`) and the sheet it reads; null for CSV and vCard.
export async function up(db: Kysely<unknown>) {
  await sql.raw('alter table imports add column if not exists sheets jsonb, add column if not exists sheet text').execute(db);
}
