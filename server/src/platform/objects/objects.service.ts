import { inTenantRead, type Tx } from '#db/tx.ts';
import { txMemo } from '#db/tx-memo.ts';
import type { RequestContext } from '../context.ts';
import { listDefs } from '../custom-fields/custom-fields.repo.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors/app-error.ts';
import { customDeclaration } from './custom-object-definition.ts';
import { tenantOpenApi } from './custom-objects.openapi.ts';
import { listObjects } from './custom-objects.repo.ts';
import type { TObjectMeta } from './custom-objects.schema.ts';
import { createObjectRegistry, type ObjectDeclaration, type ObjectRegistry } from './object-registry.ts';

const customMemo = txMemo<ObjectDeclaration[]>();

/** The registry of the standard objects the modules declare, reading custom objects from the tenant's transaction. */
export function buildObjectRegistry(standard: readonly ObjectDeclaration[]): ObjectRegistry {
  const standardTables = standard.flatMap((d): [string, string][] => (d.definition ? [[d.name, d.definition.table]] : []));
  return createObjectRegistry({
    standard,
    // Once per transaction: a write validating several lookups, or a list, asks more than once.
    custom: (tx: Tx) =>
      customMemo(tx, 'custom-objects', async () => {
        const rows = await listObjects(tx);
        if (!rows.length) return [];
        const defs = await listDefs(tx);
        const tables = new Map([...standardTables, ...rows.map((r): [string, string] => [r.name, r.table_name])]);
        return rows.map((row) =>
          customDeclaration(
            row,
            defs.filter((d) => d.object === row.name),
            tables,
          ),
        );
      }),
  });
}

const toMeta = (d: ObjectDeclaration): TObjectMeta => ({
  name: d.name,
  path: d.path,
  label: d.label,
  custom: !!d.custom,
  id: d.custom?.id ?? null,
  record: !!d.definition,
  actions: [...d.actions],
  sensitiveFields: d.definition?.sensitive.map((s: { field: string }) => s.field) ?? [],
  capabilities: [...d.capabilities],
  fields: d.definition?.fields ? [...d.definition.fields] : [],
});

/** Every object the tenant has, for the web's menus, forms and role editor. */
export async function listObjectMeta(o: { deps: Deps; ctx: RequestContext }): Promise<TObjectMeta[]> {
  return inTenantRead(o.deps.db.kysely, o.ctx.tenantId, async (tx) => (await o.deps.objects.forTenant(tx)).map(toMeta));
}

/** The app's OpenAPI document with the tenant's custom objects written out (custom-objects.openapi.ts). */
export async function tenantOpenApiDocument(o: { deps: Deps; ctx: RequestContext; base: Record<string, unknown> }) {
  return inTenantRead(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const custom = (await o.deps.objects.forTenant(tx)).filter((d) => d.custom);
    const defs = custom.length ? await listDefs(tx) : [];
    return tenantOpenApi(
      o.base,
      custom.map((declaration) => ({ declaration, defs: defs.filter((d) => d.object === declaration.name) })),
    );
  });
}

/** The tenant's custom object served at `/api/v1/<path>`, or a 404 as for any unknown route. */
export async function resolveCustomObject(o: { deps: Deps; ctx: RequestContext; path: string; method: string; url: string }): Promise<ObjectDeclaration> {
  const found = await inTenantRead(o.deps.db.kysely, o.ctx.tenantId, async (tx) =>
    (await o.deps.objects.forTenant(tx)).find((d) => d.custom && d.path === o.path),
  );
  if (!found?.definition) throw new AppError('not_found', { message: 'route_not_found', params: { method: o.method, url: o.url.split('?')[0] } });
  return found;
}
