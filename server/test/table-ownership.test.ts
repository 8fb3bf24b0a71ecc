// "A table is written only by its owning module" (docs/architecture.md, "Boundaries"): every
// statement in server/src that writes a table by name is found, and a module writing a table it
// does not own must be listed in EXCEPTIONS with the reason. Owner of a table: the module that
// declares the object stored in it (the registry); else the platform if the platform writes it;
// else the one module that writes it. Writes through a table name held in a variable (the record
// service, imports, dedup's merge, pool moves: `sql.table(def.table)`) are not seen here: they
// act on an object's definition the registry hands out.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MODULES } from '../src/modules.ts';
import { type Exception, scanWrites, type TableWrite, tablesWritten, violations, writerOf } from './table-writes.ts';

const IDENTITY = 'identity tables: the platform signs in and creates tenants; the admin module manages users, teams, roles and tokens';
const BULK = 'set-based: one statement writes the audit entries or events of many rows (the platform writes one row per call)';
const LAST_ACTIVITY = "recomputes last_activity_at (denormalised, no version bump) on the records an activity links to, in the activity's transaction";

/** Cross-module writes that stay, each with its reason. An entry no write needs any more fails the test: delete it. */
const EXCEPTIONS: Exception[] = [
  { table: 'api_tokens', writer: 'admin', why: IDENTITY },
  { table: 'roles', writer: 'admin', why: IDENTITY },
  { table: 'sessions', writer: 'admin', why: IDENTITY },
  { table: 'teams', writer: 'admin', why: IDENTITY },
  { table: 'user_roles', writer: 'admin', why: IDENTITY },
  { table: 'users', writer: 'admin', why: IDENTITY },
  { table: 'audit_log', writer: 'activities', why: `system tasks: ${BULK}` },
  { table: 'outbox', writer: 'activities', why: `system tasks: ${BULK}` },
  { table: 'audit_log', writer: 'pool', why: `returns, claims and recycling: ${BULK}` },
  { table: 'outbox', writer: 'pool', why: `returns, claims and recycling: ${BULK}` },
  { table: 'companies', writer: 'activities', why: LAST_ACTIVITY },
  { table: 'contacts', writer: 'activities', why: LAST_ACTIVITY },
  { table: 'deals', writer: 'activities', why: LAST_ACTIVITY },
  { table: 'leads', writer: 'activities', why: LAST_ACTIVITY },
  { table: 'import_records', writer: 'privacy', why: "an erasure redacts the erased person's imported changes in the import journal (#21)" },
  { table: 'import_chunks', writer: 'privacy', why: 'an erasure deletes the stored files of the imports that brought the erased person in (#21)' },
  { table: 'imports', writer: 'privacy', why: 'an erasure empties the preview rows of the imports that brought the erased person in (#21)' },
  {
    table: 'outbox',
    writer: 'privacy',
    why: "an erasure redacts the erased person's changes in import batch events, which are about the import, not the record (#21)",
  },
  { table: 'leads', writer: 'assignment', why: "an assignment sets the lead's owner, with its audit entry and event, in the assignment's transaction" },
];

/** Object tables and the module declaring each object. */
const declared = new Map(
  MODULES.flatMap((m) => (m.objects ?? []).flatMap((o) => (o.definition?.table ? [[o.definition.table as string, m.name] as const] : []))),
);

describe('table ownership', () => {
  it('finds writes in Kysely builders and in SQL text, and only to known tables', () => {
    const tables = new Set(['leads', 'lead_scores', 'outbox', 'deals']);
    const text = [
      "await tx.insertInto('lead_scores').values(row).execute();",
      "await tx.updateTable('leads as l').set({ owner_id: id }).execute();",
      'sql`update deals d set stale_reminded_at = now()`',
      'sql`INSERT INTO outbox (id) values (1)`',
      '// Update the score when the rules change; select from leads.',
      "tx.selectFrom('deals')",
    ].join('\n');
    expect(tablesWritten(text, tables).sort()).toEqual(['deals', 'lead_scores', 'leads', 'outbox']);
    expect(tablesWritten("tx.deleteFrom('nope')", tables)).toEqual([]);
    expect([writerOf('modules/leads/leads.repo.ts'), writerOf('platform/audit/audit.ts'), writerOf('cli/seed.ts'), writerOf('modules.ts')]).toEqual([
      'leads',
      'platform',
      null,
      null,
    ]);
  });

  it("flags a module writing another module's table, unless excepted", () => {
    const decl = new Map([['leads', 'leads']]);
    const writes: TableWrite[] = [
      { table: 'leads', writer: 'leads', file: 'modules/leads/leads.repo.ts' },
      { table: 'leads', writer: 'scoring', file: 'modules/scoring/scoring.repo.ts' },
      { table: 'lead_scores', writer: 'scoring', file: 'modules/scoring/scoring.repo.ts' },
      { table: 'pools', writer: 'pool', file: 'modules/pool/pools.repo.ts' },
      { table: 'pools', writer: 'deals', file: 'modules/deals/deals.repo.ts' },
    ];
    expect(violations(writes, decl, []).map((w) => `${w.table} ${w.writer}`)).toEqual(['leads scoring', 'pools pool', 'pools deals']);
    const allowed = [
      { table: 'leads', writer: 'scoring', why: 'test' },
      { table: 'pools', writer: 'deals', why: 'test' },
    ];
    expect(violations(writes, decl, allowed)).toEqual([]);
  });

  const writes = scanWrites(fileURLToPath(new URL('../src/', import.meta.url)));

  it('has every table written only by its owner or under a listed exception', () => {
    const found = violations(writes, declared, EXCEPTIONS).map((w) => `${w.table} <- ${w.writer} (${w.file})`);
    expect(found, 'write through the owning module (its index.ts or a domain event), or add an exception with the reason').toEqual([]);
  });

  it('lists no exception that no write needs any more', () => {
    const stale = EXCEPTIONS.filter((e) => !writes.some((w) => w.table === e.table && w.writer === e.writer));
    expect(stale).toEqual([]);
  });
});
