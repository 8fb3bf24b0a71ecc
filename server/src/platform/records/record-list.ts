import type { RawBuilder, SqlBool } from 'kysely';
import { inTenantRead, type Tx } from '#db/tx.ts';
import { ownerLimit, requireAccess } from '../access/access.ts';
import type { RequestContext } from '../context.ts';
import { withCustomFields } from '../custom-fields/custom-fields.catalog.ts';
import { listDefs } from '../custom-fields/custom-fields.repo.ts';
import type { Deps } from '../deps.ts';
import type { TListQuery } from '../http/list-query.ts';
import type { Catalog, FieldSpec } from '../query/catalog.ts';
import { compileFilter } from '../query/filter.ts';
import { parseSort } from '../query/sort.ts';
import type { ObjectDefinition } from './object-definition.ts';
import { type Versioned, present } from './record-service.ts';
import { countRecords, listRecords } from './records.repo.ts';
import { nameColumns } from './related.repo.ts';
import { searchCondition } from './search.ts';

/** The object's fields, plus its custom fields only when the filter or sort names one (saves a query per list). */
async function catalogFor<T extends Versioned>(tx: Tx, def: ObjectDefinition<T>, parts: (string | undefined)[]): Promise<Catalog> {
  if (!parts.some((p) => p?.includes('custom.'))) return def.catalog;
  return withCustomFields(def.catalog, await listDefs(tx, def.object as 'contact'));
}

export type ListOptions<T extends Versioned> = {
  deps: Deps;
  ctx: RequestContext;
  def: ObjectDefinition<T>;
  query: TListQuery;
  /** export lists obey the export scope instead of read. */
  action?: 'read' | 'export';
  extraWhere?: RawBuilder<SqlBool>[];
};

/**
 * The one list path for every object: scope, filter grammar (custom fields included), search,
 * sort and keyset cursor, then mapping and masking. Exports and counts go through it too.
 */
export async function listVisible<T extends Versioned>(o: ListOptions<T>): Promise<{ data: T[]; nextCursor: string | null }> {
  const { ctx, def, query } = o;
  const scope = requireAccess(ctx.access, def.object, o.action ?? 'read');
  return inTenantRead(o.deps.db.kysely, ctx.tenantId, async (tx) => {
    const catalog = await catalogFor(tx, def, [query.filter, query.sort]);
    const where = [...(o.extraWhere ?? [])];
    const filter = compileFilter(query.filter, catalog);
    if (filter) where.push(filter);
    let sort = parseSort(query.sort, catalog, def.defaultSort);
    const q = query.q?.trim();
    if (q && def.object !== 'activity') {
      const search = searchCondition(q);
      where.push(search.where);
      // Ranked first; the rank is a sort key so the cursor keeps working. Unranked (1-2 character)
      // searches keep the list's sort, which its index serves page by page.
      if (search.rank) {
        const rank: FieldSpec = { type: 'number', expr: search.rank, nullable: false, sortable: true };
        sort = [{ name: '_rank', spec: rank, desc: true }, ...(query.sort ? sort : sort.slice(-1))];
      }
    }
    const page = await listRecords(tx, {
      table: def.table,
      where,
      sort,
      cursor: query.cursor,
      limit: query.limit,
      owners: ownerLimit(ctx.access, scope),
      deleted: query.deleted === 'true',
      extra: nameColumns(def, def.table),
    });
    return { data: await present(tx, o.deps, ctx, def, page.rows), nextCursor: page.nextCursor };
  });
}

export async function countVisible<T extends Versioned>(o: Omit<ListOptions<T>, 'query'> & { filter?: string }): Promise<number> {
  const scope = requireAccess(o.ctx.access, o.def.object, o.action ?? 'read');
  return inTenantRead(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const catalog = await catalogFor(tx, o.def, [o.filter]);
    const filter = compileFilter(o.filter, catalog);
    return countRecords(tx, { table: o.def.table, where: filter ? [filter] : [], owners: ownerLimit(o.ctx.access, scope), deleted: false });
  });
}
