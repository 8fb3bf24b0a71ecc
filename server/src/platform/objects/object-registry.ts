import type { Tx } from '#db/tx.ts';
import type { Action } from '../access/access.ts';
import type { ObjectDefinition } from '../records/object-definition.ts';
import type { Versioned } from '../records/record-service.ts';
import type { DedupSpec } from './dedup-spec.ts';
import type { ImportSpec } from './import-spec.ts';

/** What the platform gives an object that opts in (DESIGN.md, "Objects (the registry)"). */
export const CAPABILITIES = [
  'owned',
  'audited',
  'recycleBin',
  'customFields',
  'import',
  'export',
  'search',
  'timeline',
  'pool',
  'assignment',
  'dedup',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export type Label = { zh: string; en: string };

/**
 * One object as its module declares it, once: the platform derives permissions rows, custom
 * fields, lists and the web's metadata from it and never names a domain itself.
 */
export type ObjectDeclaration = {
  /** Permission key, custom fields' `object`, audit and event prefix: `contact`, or a custom object's name. */
  name: string;
  /** REST path segment (`contacts`); null for an object without record routes (the pool). */
  path: string | null;
  label: Label;
  /** The actions a role can grant on it. */
  actions: readonly Action[];
  capabilities: readonly Capability[];
  /** A record object's definition for the generic record service; absent for access-only objects. */
  // biome-ignore lint/suspicious/noExplicitAny: definitions differ in their API type; the registry only hands them back.
  definition?: ObjectDefinition<any>;
  /** The API fields of a record (exports may name them as columns), besides `custom.<key>`. */
  fields?: readonly string[];
  /** The columns a list or an export shows when the user chose none. */
  listColumns?: readonly string[];
  /** Every role reads all of them by default (colleagues, teams, pipelines): pickers and names need them. */
  everyoneReads?: boolean;
  /** Grants a default role (by name: 'Sales Manager', 'Sales Rep') gets on a new tenant beyond the owned-object scopes. */
  roleDefaults?: Readonly<Record<string, Partial<Record<'read' | 'create' | 'update' | 'delete' | 'export' | 'import', 'none' | 'own' | 'team' | 'all'>>>>;
  /** How imports read rows into it (with the `import` capability); see import-spec.ts. */
  import?: ImportSpec;
  /** How duplicate detection and merging read it (with the `dedup` capability); see dedup-spec.ts. */
  dedup?: DedupSpec;
  /** Its records get numbers from a per-tenant series (platform/numbering) named after the object; admins change the pattern. */
  numbering?: { defaultPattern: string };
  /** Set for an object an admin created at runtime. */
  custom?: { id: string; version: number };
};

/** Reads the tenant's custom objects (platform/objects/custom-objects.repo.ts); passed in to keep this file free of SQL. */
export type CustomObjectSource = (tx: Tx) => Promise<ObjectDeclaration[]>;

export type ObjectRegistry = {
  /** Standard objects, in the order modules declared them. */
  readonly standard: readonly ObjectDeclaration[];
  /** A standard object by name. */
  byName(name: string): ObjectDeclaration | undefined;
  /** Standard objects followed by the tenant's custom objects (in the tenant's transaction). */
  forTenant(tx: Tx): Promise<ObjectDeclaration[]>;
  /** The table holding records of a record object (standard or the tenant's custom), or undefined. */
  tableOf(tx: Tx, name: string): Promise<string | undefined>;
};

export const ALL_ACTIONS: readonly Action[] = ['read', 'create', 'update', 'delete', 'export', 'import'];

/** Record definitions of the declarations, for code that enumerates records (no `any` leaks out). */
export const definitionOf = <T extends Versioned>(declaration: ObjectDeclaration): ObjectDefinition<T> | undefined => declaration.definition;

export function createObjectRegistry(o: { standard: readonly ObjectDeclaration[]; custom: CustomObjectSource }): ObjectRegistry {
  const byName = new Map(o.standard.map((d) => [d.name, d]));
  if (byName.size !== o.standard.length) throw new Error('Two modules declare the same object name');
  return {
    standard: o.standard,
    byName: (name) => byName.get(name),
    forTenant: async (tx) => [...o.standard, ...(await o.custom(tx))],
    async tableOf(tx, name) {
      const standard = byName.get(name);
      if (standard) return standard.definition?.table;
      return (await o.custom(tx)).find((d) => d.name === name)?.definition?.table;
    },
  };
}
