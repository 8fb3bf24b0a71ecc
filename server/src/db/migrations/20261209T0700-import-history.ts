import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

/**
 * An import is audited per batch (#21): one audit entry and one `import.batch_committed` event per
 * committed batch, while the journal keeps each row's field changes (`changes`, the diff the audit
 * entry would have held) and when (`at`, `id`: UUIDv7 like the audit's). A rollback marks its
 * entries `undone` instead of deleting them, so the history still shows what the import did.
 * `record_history` is the audit log and the journal as one list (security_invoker: the tenant
 * policies of both tables apply); record history, timelines and the audit-log API read it.
 */
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  alter table import_records
    add column if not exists id uuid not null default gen_random_uuid(),
    add column if not exists at timestamptz not null default now(),
    add column if not exists changes jsonb,
    add column if not exists undone boolean not null default false;
  create index if not exists import_records_history on import_records (tenant_id, object, record_id, at desc, id desc);
  create index if not exists import_records_id on import_records (tenant_id, id desc);

  create or replace view record_history with (security_invoker = true) as
    select tenant_id, id, at, actor_id, action, object_type, object_id, changes, request_id, ip,
      null::uuid as import_id, null::text as file_name
    from audit_log
    union all
    select r.tenant_id, r.id, r.at, i.created_by, r.action, r.object, r.record_id, coalesce(r.changes, '{}'::jsonb),
      'import-' || r.import_id::text, null::text, r.import_id, i.file_name
    from import_records r join imports i on i.tenant_id = r.tenant_id and i.id = r.import_id;
  grant select on record_history to kehu_app;
  `)
    .execute(db);
}
