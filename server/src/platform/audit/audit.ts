import type { Tx } from '#db/tx.ts';
import type { RequestContext } from '../context.ts';
import { newId } from '../ids.ts';

export type FieldChange = { from: unknown; to: unknown };
export type Changes = Record<string, FieldChange>;

export type AuditEntry = {
  action: string;
  objectType: string;
  objectId: string | null;
  changes?: Changes;
};

/** Writes one audit row in the caller's transaction, so it commits or rolls back with the change. */
export async function writeAudit(tx: Tx, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await writeAudits(tx, ctx, [entry]);
}

/** Rows per statement: 9 parameters each, under PostgreSQL's 65,535. */
const CHUNK = 5000;

/** Writes audit rows for many entries (a batch of an import) with multi-row inserts. */
export async function writeAudits(tx: Tx, ctx: RequestContext, entries: AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += CHUNK) {
    await tx
      .insertInto('audit_log')
      .values(
        entries.slice(i, i + CHUNK).map((entry) => ({
          tenant_id: ctx.tenantId,
          id: newId(),
          actor_id: ctx.userId,
          action: entry.action,
          object_type: entry.objectType,
          object_id: entry.objectId,
          changes: JSON.stringify(entry.changes ?? {}),
          request_id: ctx.requestId,
          ip: ctx.ip,
        })),
      )
      .execute();
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** `custom.<key>` names among the sensitive fields, as keys of the `custom` object. */
const customKeys = (sensitive: readonly string[]) => sensitive.flatMap((f) => (f.startsWith('custom.') ? [f.slice('custom.'.length)] : []));

/** A whole `custom` object (a create's, a delete's) with its sensitive values replaced by ***. */
function starred(custom: unknown, sensitive: readonly string[]): unknown {
  if (!custom || typeof custom !== 'object') return custom ?? null;
  const keys = customKeys(sensitive).filter((k) => (custom as Record<string, unknown>)[k] != null);
  return keys.length ? { ...custom, ...Object.fromEntries(keys.map((k) => [k, '***'])) } : custom;
}
const IGNORED = new Set(['updatedAt', 'updatedBy', 'version', 'createdAt', 'createdBy']);

/**
 * Field-level diff of two API objects. Sensitive fields are recorded as changed but never
 * with their values, so the audit trail does not leak what encryption protects.
 */
export function diffRecords(before: Record<string, unknown> | null, after: Record<string, unknown> | null, sensitive: readonly string[] = []): Changes {
  const changes: Changes = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (IGNORED.has(key)) continue;
    const from = before?.[key];
    const to = after?.[key];
    if (key === 'custom' && from && to && typeof from === 'object' && typeof to === 'object') {
      for (const [k, v] of Object.entries(diffRecords(from as Record<string, unknown>, to as Record<string, unknown>, customKeys(sensitive)))) {
        changes[`custom.${k}`] = v;
      }
      continue;
    }
    if (key === 'custom' && !same(from, to)) {
      changes.custom = { from: starred(from, sensitive), to: starred(to, sensitive) };
      continue;
    }
    if (same(from, to)) continue;
    changes[key] = sensitive.includes(key) ? { from: from == null ? null : '***', to: to == null ? null : '***' } : { from: from ?? null, to: to ?? null };
  }
  return changes;
}
