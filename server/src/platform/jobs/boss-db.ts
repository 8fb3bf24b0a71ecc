import { CompiledQuery } from 'kysely';
import type PgBoss from 'pg-boss';
import type { Database } from '#db/database.ts';
import type { Tx } from '#db/tx.ts';

type Row = Record<string, unknown>;

/** pg-boss over `Database.raw`: on PGlite this takes turns on the one connection through its lock. */
export function rawBossDb(db: Database): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      try {
        return await db.raw(text, values ?? []);
      } catch (error) {
        // pg-boss's multi-statement scripts open with BEGIN; a failure would leave the one
        // PGlite connection inside an aborted transaction for everyone after it.
        if (!values?.length && /^\s*BEGIN;/i.test(text)) await db.raw('rollback').catch(() => {});
        throw error;
      }
    },
  };
}

/** pg-boss inside an open Kysely transaction, so an enqueue commits or rolls back with the caller's work. */
export function txBossDb(tx: Tx): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      const result = await tx.executeQuery<Row>(CompiledQuery.raw(text, values ?? []));
      return { rows: [...result.rows] };
    },
  };
}
