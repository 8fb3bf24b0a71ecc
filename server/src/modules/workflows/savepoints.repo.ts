import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

// A savepoint per action: a failing action undoes only its own writes, the run log keeps the rest.
export const savepoint = (tx: Tx) => sql`savepoint workflow_action`.execute(tx);
export const release = (tx: Tx) => sql`release savepoint workflow_action`.execute(tx);
export const rollbackTo = (tx: Tx) => sql`rollback to savepoint workflow_action`.execute(tx);
