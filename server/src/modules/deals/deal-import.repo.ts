import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const first = async <T>(q: Promise<{ rows: T[] }>) => (await q).rows[0];

/** An open pipeline by its Chinese or English name (or id), for an import row. */
export const findPipelineRef = (tx: Tx, value: string) =>
  first(
    sql<{ id: string }>`select id from pipelines where closed_at is null and ${
      UUID.test(value) ? sql`id = ${value}::uuid` : sql`(lower(name->>'zh') = lower(${value}) or lower(name->>'en') = lower(${value}))`
    } order by is_default desc, position, created_at limit 1`.execute(tx),
  );

/** A stage of the pipeline by its Chinese or English name (or id). */
export const findStageRef = (tx: Tx, pipelineId: string, value: string) =>
  first(
    sql<{ id: string }>`select id from pipeline_stages where pipeline_id = ${pipelineId} and ${
      UUID.test(value) ? sql`id = ${value}::uuid` : sql`(lower(name->>'zh') = lower(${value}) or lower(name->>'en') = lower(${value}))`
    } order by position limit 1`.execute(tx),
  );
