import { CompiledQuery } from 'kysely';
import type { Database } from '#db/database.ts';
import type { Captured } from './capture.ts';

/**
 * EXPLAIN (ANALYZE, BUFFERS) of each scenario's data statement, run like a request runs it:
 * in a transaction as the RLS role with the request's settings (index use, rows scanned).
 */
export async function explainScenarios(db: Database, scenarios: Captured[]): Promise<string> {
  const out: string[] = [];
  for (const s of scenarios) {
    const main = s.main[0];
    if (!main) continue;
    const plan = await db.kysely.transaction().execute(async (tx) => {
      const run = async (sql: string, params: readonly unknown[]) => (await tx.executeQuery<Record<string, unknown>>(CompiledQuery.raw(sql, [...params]))).rows;
      for (const st of s.setup) await run(st.sql, st.params);
      return run(`explain (analyze, buffers) ${main.sql}`, main.params);
    });
    out.push(`### ${s.name}\n${plan.map((r) => String(r['QUERY PLAN'])).join('\n')}`);
  }
  return out.join('\n\n');
}
