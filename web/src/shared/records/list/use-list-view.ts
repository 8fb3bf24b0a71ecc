import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldDef } from '#shared/fields/field-types';
import type { ObjectDef } from '../object-def';
import { type ListView, defaultColumns, emptyView } from './list-state';

const colsKey = (object: string) => `kehu.columns.${object}`;

function storedColumns(object: string): string[] | null {
  try {
    const v = JSON.parse(localStorage.getItem(colsKey(object)) ?? 'null') as unknown;
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : null;
  } catch {
    return null;
  }
}

/**
 * The list's current view; column choices outside a saved view are remembered per browser.
 * `defaults` are the columns shown until the user chooses (the admin's layout, or each field's default).
 */
export function useListView(def: ObjectDef, fields: FieldDef[], fieldsReady: boolean, defaults: string[]) {
  const [viewId, setViewId] = useState<string | null>(null);
  const [view, setViewState] = useState<ListView>(() => ({ ...emptyView(def.fields), columns: storedColumns(def.object) ?? defaultColumns(def.fields) }));

  // Columns the user has not chosen follow the defaults, which may include custom fields.
  const chosen = useRef(storedColumns(def.object) !== null);
  // Custom fields arrive after the first render; drop stored columns that no longer exist.
  useEffect(() => {
    if (!fieldsReady) return;
    const known = new Set(fields.map((f) => f.key));
    setViewState((v) => {
      if (!chosen.current && !viewId) return { ...v, columns: defaults };
      const cols = v.columns.filter((c) => known.has(c));
      return cols.length === v.columns.length ? v : { ...v, columns: cols };
    });
  }, [fields, fieldsReady, viewId, defaults]);

  const setView = useCallback(
    (next: ListView) => {
      setViewState(next);
      if (viewId) return;
      chosen.current = true;
      localStorage.setItem(colsKey(def.object), JSON.stringify(next.columns));
    },
    [viewId, def.object],
  );
  const pickView = useCallback(
    (id: string | null, next: ListView | null) => {
      setViewId(id);
      if (next) setViewState(next);
      else if (!id) setViewState({ ...emptyView(def.fields), columns: storedColumns(def.object) ?? defaults });
    },
    [def, defaults],
  );
  const resetColumns = useCallback(() => setView({ ...view, columns: defaults }), [view, setView, defaults]);
  return { view, setView, viewId, pickView, resetColumns };
}
