import type { CountryCode } from 'libphonenumber-js';
import type { Tx } from '#db/tx.ts';
import type { AccessProfile } from '../access/access.ts';
import type { RequestContext } from '../context.ts';
import type { FieldCipher } from '../crypto/field-crypto.ts';
import type { FieldError } from '../errors/app-error.ts';
import type { FieldMeta } from '../objects/object-fields.ts';
import type { Catalog } from '../query/catalog.ts';
import type { RecordTable, Row } from './records.repo.ts';
import type { NamedTable } from './related.repo.ts';

/** A sensitive field: masked unless the role may read it, edited only with the edit rule. */
export type SensitiveField = { field: string; encrypted: boolean; mask: (value: string) => string };

export type MapContext = { cipher: FieldCipher; access: AccessProfile; related: Map<string, { id: string; name: string }> };

/** Tenant settings that shape how input is stored. */
export type WriteSettings = { phoneRegion: CountryCode };

/** What the generic record service needs to know about one object type (the registry holds them). */
export type ObjectDefinition<TOut extends { id: string; version: number }> = {
  /** The object's name: permissions, custom fields, audit and events use it (`contact`, or a custom object's name). */
  object: string;
  table: RecordTable;
  catalog: Catalog;
  defaultSort: string;
  sensitive: SensitiveField[];
  /** The declared fields (platform/objects/fields.ts), for the registry's metadata; absent for custom objects. */
  fields?: readonly FieldMeta[];
  /** Row -> API object, before masking; the service adds `owner: {id, name}`. */
  toApi: (row: Row, ctx: MapContext) => Omit<TOut, 'owner'>;
  /** API input (create or patch) -> column values; pushes field errors instead of throwing. */
  toColumns: (input: Record<string, unknown>, errors: FieldError[], cipher: FieldCipher, write: WriteSettings) => Record<string, unknown>;
  /** Denormalized columns recomputed from the merged record (search text, phone digits). */
  derived?: (merged: Record<string, unknown>, related: Map<string, { id: string; name: string }>) => Record<string, unknown>;
  /** Links whose names the API shows (the contact's company; `custom.<key>` for a lookup field): column -> table. */
  related?: Record<string, NamedTable>;
  /** References to check on write: column -> table that must hold the id. */
  references?: Record<string, RecordTable | 'users'>;
  /** Checks and links that need the database (visibility of linked records), in the write's transaction; push errors, do not throw. */
  prepare?: (o: PrepareOptions) => Promise<void>;
  /** Side effects of a create, update, delete or restore, in its transaction (e.g. a customer's last activity time). */
  afterWrite?: (o: AfterWriteOptions) => Promise<void>;
};

export type WriteHookOptions = { tx: Tx; ctx: RequestContext };
export type PrepareOptions = WriteHookOptions & {
  input: Record<string, unknown>;
  columns: Record<string, unknown>;
  existing: Row | null;
  errors: FieldError[];
};
export type AfterWriteOptions = WriteHookOptions & { before: Row | null; after: Row };
