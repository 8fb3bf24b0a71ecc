import type { z } from 'zod';
import type { Tx } from '#db/tx.ts';
import type { RequestContext } from '../context.ts';
import type { Deps } from '../deps.ts';
import type { FieldError } from '../errors/app-error.ts';
import type { Row } from '../records/records.repo.ts';

/** The rules an import may match rows to existing records by (its `dedup.match`, besides `none`). */
export type ImportMatch = 'email' | 'phone' | 'nameCompany';

/**
 * How a cell is read into a field (cleaned first): a comma/顿号 list, 男/女/M/F, a date in any
 * common spelling, a whole or decimal number, money with an optional currency (¥1,200.50, USD 300),
 * a currency code, a percentage. Unlisted fields take the text as it is.
 */
export type ImportCell = 'list' | 'gender' | 'date' | 'integer' | 'decimal' | 'money' | 'currency' | 'percent';

/** What an object's `resolve` gets for one row: the cells it asked for and helpers to turn them into ids. */
export type ImportRefsContext = {
  tx: Tx;
  ctx: RequestContext;
  /** The row's cells of the spec's `refs` fields, by field (only the non-empty ones). */
  refs: Record<string, string>;
  /** The row's create or update input so far; `resolve` sets the ids and values it derives. */
  input: Record<string, unknown>;
  /** A live record of a registry object by id or name (any case; `email: true` also by first email); the earliest of equals. */
  findRecord: (object: string, value: string, o?: { email?: boolean }) => Promise<Row | undefined>;
  /** A date-time cell in the tenant's zone (when it has no offset) as ISO, or null when unreadable. */
  dateTime: (value: string) => Promise<string | null>;
  /** Refuses the row: `field` names nothing of `object` (`imports.unresolved_<object>`). */
  unresolved: (field: string, object: string, value: string) => void;
  /** Refuses the row with a message of the object's own (an i18n key). */
  refuse: (error: FieldError) => void;
};

/** A column that names a parent record (a contact's company): linked by name, created when missing and the import allows it. */
export type ImportParent = {
  /** The import field holding the parent's name (`company`). */
  field: string;
  /** The parent's registry object; it must be a record object. */
  object: string;
  /** The input field and the column that hold the parent's id (`companyId`, `company_id`); name matching then also compares it. */
  idField: string;
  column: string;
};

/**
 * How imports read rows into one object (its declaration's `import`, with the `import`
 * capability). The imports module enumerates the registry and never names an object; the module
 * owning the object says what its columns may be, how cells name other records and how a row is
 * created.
 */
export type ImportSpec = {
  /** Fields a column may be mapped to, besides `custom.<key>`; `owner` (a user's email) is resolved by the import itself. */
  fields: readonly string[];
  /**
   * Header spellings (lowercase, no spaces or punctuation) of this object's fields, over the
   * shared ones; a string stands for the shared spellings of that field (`{ name: 'company' }`).
   */
  synonyms?: Readonly<Record<string, readonly string[] | string>>;
  /**
   * How other CRMs' exports name this object's fields, per CRM the imports module recognises by
   * its header row (`salesforce`, `hubspot`, `zoho`, `suitecrm`): normalised header -> field.
   */
  presets?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** How cells of these fields are read (`email`, `phone` and `mobile` always go into `emails` and `phones`). */
  cells?: Readonly<Record<string, ImportCell>>;
  /** Address parts (country, province, city, district, street, postcode) are gathered into `address`. */
  address?: boolean;
  /** Fields kept as text for `resolve` instead of going into the input (`owner` always is). */
  refs?: readonly string[];
  parent?: ImportParent;
  /** The match rules that apply; with none, rows are always created. */
  matches: readonly ImportMatch[];
  /**
   * Fields whose value names one live record (a product's SKU), input field -> column: a row may
   * match by one of them (`dedup.match` 'field'), compared trimmed and lowercased.
   */
  keys?: Readonly<Record<string, string>>;
  /** The rule a new import starts with ('none' when absent). */
  defaultMatch?: ImportMatch;
  /** The API's request schemas: a row is accepted or refused exactly as a POST or PATCH would be. */
  schemas: { create: z.ZodType; update: z.ZodType };
  /** Rows may be written a batch per statement (the record service's createMany) rather than one by one. */
  batched?: boolean;
  /** Turns the row's `refs` into ids and values (after `owner`); refuses through the context's helpers. */
  resolve?: (r: ImportRefsContext) => Promise<void>;
  /**
   * Creates one record through the object's own path (duplicate rules, pipelines); the record
   * service's create when absent. `mergedBefore`: the row updated an existing record instead (its before-image).
   */
  create?: (
    tx: Tx,
    o: { deps: Deps; ctx: RequestContext; input: Record<string, unknown> },
  ) => Promise<{ record: { id: string; version: number }; mergedBefore?: Row | null }>;
};
