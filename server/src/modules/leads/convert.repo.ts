import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import type { Row } from '#platform/records/records.repo.ts';

/** The lead row locked for the conversion, so two conversions at once run one after the other. */
export async function lockLead(tx: Tx, id: string): Promise<Row | undefined> {
  const { rows } = await sql<Row>`select * from leads where id = ${id} for update`.execute(tx);
  return rows[0];
}
