import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

// A savepoint lets one batch (or one row) fail without undoing the rest of the import's transaction.
type Savepoint = 'import_batch' | 'import_row';

export const savepoint = (tx: Tx, name: Savepoint) => sql`savepoint ${sql.raw(name)}`.execute(tx);
export const releaseSavepoint = (tx: Tx, name: Savepoint) => sql`release savepoint ${sql.raw(name)}`.execute(tx);
export const rollbackToSavepoint = (tx: Tx, name: Savepoint) => sql`rollback to savepoint ${sql.raw(name)}`.execute(tx);
