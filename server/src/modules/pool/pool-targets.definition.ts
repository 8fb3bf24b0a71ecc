import type { ObjectDeclaration, ObjectRegistry } from '#platform/objects/object-registry.ts';
import type { ObjectDefinition } from '#platform/records/object-definition.ts';
import type { Versioned } from '#platform/records/record-service.ts';
import { poolErrors } from './pool.errors.ts';

/** Records of a pool-capable object that belong to a record of another one and move with it (a company's contacts). */
export type PoolFollower = { object: string; table: string; column: string; payloadKey: string; subtitle: string | null };

/**
 * One object the pool holds, read from the registry (capability `pool`). Records that link to a
 * record of another pool-capable object (`parentColumn`, a contact's company) are not pooled on
 * their own: they follow that record (`followers` of it). So a contact pool holds the contacts
 * without a company, the B2C customers.
 */
export type PoolTarget = {
  object: string;
  /** REST path, for the record routes' `/:id/return-to-pool`. */
  path: string;
  table: string;
  parentColumn: string | null;
  followers: PoolFollower[];
  /** The column a pool card shows under the name (a company's industry, a contact's title). */
  subtitle: string | null;
  // biome-ignore lint/suspicious/noExplicitAny: the record service takes any definition.
  definition: ObjectDefinition<any>;
};

// Presentation only: which column reads as the subtitle of a card in the pool.
const SUBTITLES: Record<string, string> = { company: 'industry', contact: 'title' };

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

type Poolable = ObjectDeclaration & { path: string; definition: ObjectDefinition<Versioned> };

const poolable = (d: ObjectDeclaration): d is Poolable => d.capabilities.includes('pool') && !!d.definition && !!d.path;

const cache = new WeakMap<ObjectRegistry, PoolTarget[]>();

/** The registry's pool-capable objects with what pooling them needs, in declaration order. */
export function poolTargets(registry: ObjectRegistry): PoolTarget[] {
  const known = cache.get(registry);
  if (known) return known;
  const targets = derive(registry);
  cache.set(registry, targets);
  return targets;
}

function derive(registry: ObjectRegistry): PoolTarget[] {
  const all = registry.standard.filter(poolable);
  const tables = new Map(all.map((d) => [d.definition.table, d.name]));
  const parentOf = (d: Poolable) =>
    Object.entries(d.definition.references ?? {}).find(([, table]) => table !== d.definition.table && tables.has(table))?.[0] ?? null;
  return all.map((d) => ({
    object: d.name,
    path: d.path,
    table: d.definition.table,
    parentColumn: parentOf(d),
    followers: all.flatMap((f) => {
      const column = parentOf(f);
      return column && f.definition.references?.[column] === d.definition.table
        ? [{ object: f.name, table: f.definition.table, column, payloadKey: camel(column), subtitle: SUBTITLES[f.name] ?? null }]
        : [];
    }),
    subtitle: SUBTITLES[d.name] ?? null,
    definition: d.definition,
  }));
}

/** The pool-capable object by name; a 400 on `field` when the registry has no such poolable object. */
export function poolTarget(registry: ObjectRegistry, object: string, field = 'object'): PoolTarget {
  const target = poolTargets(registry).find((t) => t.object === object);
  if (!target) throw poolErrors.notPoolable(field);
  return target;
}
