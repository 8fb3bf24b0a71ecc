import type { ObjectMeta } from './objects-api';

// Standard objects with a detail page of their own; other standard objects (activities) have none.
const STANDARD_PAGES = new Set(['companies', 'contacts', 'leads', 'deals']);

/** The web page of one record: `/companies/<id>`, `/o/<path>/<id>` for a custom object; null when it has none. */
export function recordUrl(meta: Pick<ObjectMeta, 'path' | 'custom'> | undefined, id: string): string | null {
  if (!meta?.path) return null;
  if (meta.custom) return `/o/${meta.path}/${id}`;
  return STANDARD_PAGES.has(meta.path) ? `/${meta.path}/${id}` : null;
}
