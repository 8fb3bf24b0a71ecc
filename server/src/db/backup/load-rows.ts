import { sql } from 'kysely';
import type { Tx } from '../tx.ts';
import { type CatalogTable, quoteName } from './catalog.ts';

export type TableLoaderOptions = { tx: Tx; table: CatalogTable; batchRows?: number; batchBytes?: number };

/**
 * Loads one table's row lines in batches. PostgreSQL parses each row back with
 * json_populate_recordset, the inverse of the row_to_json that wrote it, so values never
 * pass through JavaScript types. A table that references itself (a team tree) is staged in a
 * temporary table and moved in one statement, so its foreign key is checked once all rows are in.
 */
export class TableLoader {
  readonly #tx: Tx;
  readonly #table: CatalogTable;
  readonly #batchRows: number;
  readonly #batchBytes: number;
  readonly #target: string;
  readonly #columns: string;
  #batch: string[] = [];
  #bytes = 0;
  count = 0;
  readonly table: string;

  constructor({ tx, table, batchRows = 1000, batchBytes = 4 * 1024 * 1024 }: TableLoaderOptions) {
    this.#tx = tx;
    this.#table = table;
    this.table = table.name;
    this.#batchRows = batchRows;
    this.#batchBytes = batchBytes;
    this.#target = table.selfReferencing ? 'pg_temp.kehu_restore_stage' : quoteName(table.name);
    this.#columns = table.columns
      .filter((c) => !c.generated)
      .map((c) => quoteName(c.name))
      .join(', ');
  }

  async start() {
    if (this.#table.selfReferencing) {
      await sql.raw(`create temp table kehu_restore_stage (like ${quoteName(this.#table.name)}) on commit drop`).execute(this.#tx);
    }
  }

  async add(line: string) {
    this.#batch.push(line);
    this.#bytes += line.length;
    this.count++;
    if (this.#batch.length >= this.#batchRows || this.#bytes >= this.#batchBytes) await this.#flush();
  }

  async finish() {
    await this.#flush();
    if (!this.#table.selfReferencing) return;
    await sql
      .raw(`insert into ${quoteName(this.#table.name)} (${this.#columns}) overriding system value select ${this.#columns} from pg_temp.kehu_restore_stage`)
      .execute(this.#tx);
    await sql`drop table pg_temp.kehu_restore_stage`.execute(this.#tx);
  }

  async #flush() {
    if (this.#batch.length === 0) return;
    const rows = `[${this.#batch.join(',')}]`;
    this.#batch = [];
    this.#bytes = 0;
    const overriding = this.#table.selfReferencing ? '' : ' overriding system value';
    const columns = sql.raw(this.#columns);
    await sql`insert into ${sql.raw(this.#target)} (${columns})${sql.raw(overriding)}
      select ${columns} from json_populate_recordset(null::${sql.raw(quoteName(this.#table.name))}, ${rows}::json)`.execute(this.#tx);
  }
}
