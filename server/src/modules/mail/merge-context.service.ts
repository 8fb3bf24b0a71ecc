import type { Tx } from '#db/tx.ts';
import type { RequestContext } from '#platform/context.ts';
import { listDefs } from '#platform/custom-fields/custom-fields.repo.ts';
import type { Deps } from '#platform/deps.ts';
import { AppError } from '#platform/errors/app-error.ts';
import { definitionOf, type ObjectDeclaration } from '#platform/objects/object-registry.ts';
import { loadVisible, present } from '#platform/records/record-service.ts';
import { mailErrors } from './mail.errors.ts';
import type { MergeCatalog, MergeValues } from './merge-fields.rules.ts';
import { userMailInfo } from './messages.repo.ts';

const OWNER_FIELDS = ['name', 'email'] as const;

async function fieldsOf(tx: Tx, decl: ObjectDeclaration | undefined): Promise<string[]> {
  if (!decl) return [];
  const builtIn = new Set([...(decl.fields ?? []), ...Object.keys(decl.definition?.catalog ?? {})]);
  builtIn.delete('custom');
  const custom = (await listDefs(tx, decl.name)).map((d) => `custom.${d.key}`);
  return [...builtIn, ...custom];
}

/**
 * The merge fields a template may name: the contact's fields, the owner's name and e-mail, and
 * the fields of `object` (of any record object when null), custom fields included.
 */
export async function mergeCatalog(o: { tx: Tx; deps: Deps; object: string | null }): Promise<MergeCatalog> {
  const objects = await o.deps.objects.forTenant(o.tx);
  const byName = (name: string) => objects.find((d) => d.name === name && d.definition);
  let record: string[];
  if (o.object) {
    const decl = byName(o.object);
    if (!decl) throw mailErrors.unknownObject(o.object);
    record = await fieldsOf(o.tx, decl);
  } else {
    const all = await Promise.all(objects.filter((d) => d.definition).map((d) => fieldsOf(o.tx, d)));
    record = [...new Set(all.flat())];
  }
  return { contact: await fieldsOf(o.tx, byName('contact')), owner: OWNER_FIELDS, record };
}

/** A record as `ctx` reads it (scope and field masking, the same path as GET), or null if hidden. */
async function readAs(tx: Tx, deps: Deps, ctx: RequestContext, decl: ObjectDeclaration | undefined, id: string): Promise<Record<string, unknown> | null> {
  const def = decl ? definitionOf(decl) : undefined;
  if (!def) return null;
  try {
    const row = await loadVisible({ tx, ctx, def, id, action: 'read', names: true });
    const [record] = await present({ tx, deps, ctx, def, rows: [row] });
    return (record as unknown as Record<string, unknown>) ?? null;
  } catch (error) {
    if (error instanceof AppError && (error.code === 'not_found' || error.code === 'forbidden')) return null;
    throw error;
  }
}

/** Throws not_found unless `ctx` may read the record (the same check as its GET). */
export async function requireReadable(o: MergeContextOptions): Promise<void> {
  const decl = (await o.deps.objects.forTenant(o.tx)).find((d) => d.name === o.record.object && d.definition);
  const def = decl ? definitionOf(decl) : undefined;
  if (!def) throw mailErrors.unknownObject(o.record.object);
  await loadVisible({ tx: o.tx, ctx: o.ctx, def, id: o.record.id, action: 'read' });
}

export type MergeContextOptions = { tx: Tx; deps: Deps; ctx: RequestContext; record: { object: string; id: string } };

/**
 * The values a template merges for one record, read as `ctx`'s user: what they may not read is
 * masked (or absent) in the e-mail too. The record must be visible to them (404 otherwise).
 */
export async function mergeValuesFor(o: MergeContextOptions): Promise<MergeValues & { recipient: string | null }> {
  const objects = await o.deps.objects.forTenant(o.tx);
  const decl = objects.find((d) => d.name === o.record.object && d.definition);
  if (!decl) throw mailErrors.unknownObject(o.record.object);
  const def = definitionOf(decl);
  if (!def) throw mailErrors.unknownObject(o.record.object);
  const row = await loadVisible({ tx: o.tx, ctx: o.ctx, def, id: o.record.id, action: 'read', names: true });
  const [presented] = await present({ tx: o.tx, deps: o.deps, ctx: o.ctx, def, rows: [row] });
  const record = presented as unknown as Record<string, unknown>;
  const contactDecl = objects.find((d) => d.name === 'contact');
  const contact =
    o.record.object === 'contact' ? record : typeof record.contactId === 'string' ? await readAs(o.tx, o.deps, o.ctx, contactDecl, record.contactId) : null;
  const ownerId = row.owner_id;
  const [owner] = ownerId ? await userMailInfo(o.tx, [ownerId]) : [];
  const emailOf = (r: Record<string, unknown> | null) => {
    const emails = r?.emails ?? r?.email;
    const first = Array.isArray(emails) ? emails[0] : emails;
    const address =
      typeof first === 'string'
        ? first
        : ((first as { address?: string; email?: string } | undefined)?.address ?? (first as { email?: string } | undefined)?.email);
    return address?.includes('@') && !address.includes('*') ? address : null;
  };
  return {
    record,
    contact,
    owner: owner ? { name: owner.name, email: owner.email } : null,
    recipient: emailOf(contact) ?? emailOf(record),
  };
}
