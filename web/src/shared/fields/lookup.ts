import type { CrmRecord, Ref } from '#shared/api/types';
import type { FieldDef } from './field-types';

/**
 * The record a lookup field points to, as the API names it in `record.lookups` (keyed by the
 * custom field's key); undefined when the response carries no name for it.
 */
export function lookupRef(record: CrmRecord, def: Pick<FieldDef, 'key'>): Ref | null | undefined {
  const lookups = record.lookups as Record<string, Ref | null> | undefined;
  if (!lookups) return undefined;
  const key = def.key.startsWith('custom.') ? def.key.slice(7) : def.key;
  return key in lookups ? lookups[key] : lookups[def.key];
}
