import type { RawBuilder, SqlBool } from 'kysely';
import { inTenantRead, type Tx } from '#db/tx.ts';
import { ownersFor } from '../access/access.ts';
import type { RequestContext } from '../context.ts';
import type { Deps } from '../deps.ts';
import type { TListQuery } from '../http/list-query.ts';
import type { FieldSpec } from '../query/catalog.ts';
import { compileFilter } from '../query/filter.ts';
import { parseSort } from '../query/sort.ts';
import type { ObjectDefinition } from './object-definition.ts';
import { type Versioned, present } from './record-service.ts';
import { countRecords, listRecords } from './records.repo.ts';
import { nameColumns } from './related.repo.ts';
import { mayReadField, readableCatalogFor } from './field-access.ts';
import { searchCondition } from './search.ts';

/**
 * The object's fields the user may filter and sort on (not a masked field they may not read,
 * built-in or custom), plus its custom fields only when the filter or sort names one.
 */
const catalogFor = <T extends Versioned>(tx: Tx, ctx: RequestContext, def: ObjectDefinition<T>, uses: (string | undefined)[]) =>
  readableCatalogFor({ tx, def, access: ctx.access, uses });

/** Read, and for an export also export: an exported row must be readable and exportable (the narrower scope per owner). */
const actionsOf = (action: 'read' | 'export' | undefined) => (action === 'export' ? (['read', 'export'] as const) : (['read'] as const));

export type ListOptions<T extends Versioned> = {
  deps: Deps;
  ctx: RequestContext;
  def: ObjectDefinition<T>;
  query: TListQuery;
  /** `export`: rows must be in the export scope as well as the read scope. */
  action?: 'read' | 'export';
  extraWhere?: RawBuilder<SqlBool>[];
};

/**
 * The one list path for every object: scope, filter grammar (custom fields included), search,
 * sort and keyset cursor, then mapping and masking. Exports and counts go through it too.
 */
export async function listVisible<T extends Versioned>(o: ListOptions<T>): Promise<{ data: T[]; nextCursor: string | null }> {
  const { ctx, def, query } = o;
  const owners = ownersFor(ctx.access, def.object, actionsOf(o.action));
  return inTenantRead(o.deps.db.kysely, ctx.tenantId, async (tx) => {
    const catalog = await catalogFor(tx, ctx, def, [query.filter, query.sort]);
    const where = [...(o.extraWhere ?? [])];
    const filter = compileFilter(query.filter, catalog);
    if (filter) where.push(filter);
    let sort = parseSort(query.sort, catalog, def.defaultSort);
    const q = query.q?.trim();
    // Only objects that keep search text (their `derived` columns) are searched; `q` does nothing on the others
    // (activities, ticket queues, macros, SLA policies), as it did for activities.
    if (q && def.derived) {
      // The phone digits are derived from `phones` (search.ts): a masked phone is not searchable by who may not read it.
      const search = searchCondition(q, { phones: mayReadField(ctx.access, def, 'phones') });
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
      owners,
      deleted: query.deleted === 'true',
      extra: nameColumns(def, def.table),
    });
    return { data: await present({ tx, deps: o.deps, ctx, def, rows: page.rows }), nextCursor: page.nextCursor };
  });
}

export async function countVisible<T extends Versioned>(o: Omit<ListOptions<T>, 'query'> & { filter?: string }): Promise<number> {
  const owners = ownersFor(o.ctx.access, o.def.object, actionsOf(o.action));
  return inTenantRead(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const catalog = await catalogFor(tx, o.ctx, o.def, [o.filter]);
    const filter = compileFilter(o.filter, catalog);
    return countRecords(tx, { table: o.def.table, where: filter ? [filter] : [], owners, deleted: false });
  });
}
