import type { FieldError } from '../errors/app-error.ts';
import { layoutErrors } from './layouts.errors.ts';
import type { TPutLayoutRequest } from './layouts.schema.ts';

/** Keys of a record's API shape that are containers, not fields a page shows. */
const NOT_FIELDS = new Set(['custom', 'lookups']);

/** The field keys a layout may name: the object's API fields and catalog keys, and `custom.<key>` of its custom fields. */
export function layoutFieldKeys(o: { fields?: readonly string[] | undefined; catalog: readonly string[]; customKeys: readonly string[] }): Set<string> {
  const builtIn = [...(o.fields ?? []), ...o.catalog].filter((k) => !NOT_FIELDS.has(k));
  return new Set([...builtIn, ...o.customKeys.map((k) => `custom.${k}`)]);
}

/** Every field a layout names exists, columns and section fields appear once each, section ids are distinct. */
export function checkLayout(input: TPutLayoutRequest, known: ReadonlySet<string>): FieldError[] {
  const errors: FieldError[] = [];
  const columns = new Set<string>();
  input.listColumns?.forEach((key, i) => {
    if (!known.has(key)) errors.push(layoutErrors.unknownField(`listColumns.${i}`, key));
    else if (columns.has(key)) errors.push(layoutErrors.repeatedField(`listColumns.${i}`, key));
    columns.add(key);
  });
  const placed = new Set<string>();
  const ids = new Set<string>();
  input.sections?.forEach((section, s) => {
    if (ids.has(section.id)) errors.push(layoutErrors.repeatedSection(`sections.${s}.id`, section.id));
    ids.add(section.id);
    section.fields.forEach((key, i) => {
      const field = `sections.${s}.fields.${i}`;
      if (!known.has(key)) errors.push(layoutErrors.unknownField(field, key));
      else if (placed.has(key)) errors.push(layoutErrors.repeatedField(field, key));
      placed.add(key);
    });
  });
  return errors;
}
