import { useQueries, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '#shared/api/client';
import type { CrmRecord, ListResponse } from '#shared/api/types';
import { objectByName, objectLabel, useObjects } from '#shared/objects/use-objects';
import { useDebounced } from '#shared/ui/use-debounced';

type Value = string | string[] | null;
type Props = {
  /** Registry name of the object searched ('company', 'distributors'). */
  target?: string | undefined;
  value?: Value;
  onChange?: (v: Value) => void;
  /** Several records (the filter's in / not in); one otherwise. */
  multiple?: boolean;
  id?: string;
  /** The name of the current value when the caller already knows it, saving a request. */
  initialLabel?: string;
  placeholder?: string;
  autoFocus?: boolean;
};

const nameOf = (r: CrmRecord) => String(r.name ?? r.id);

/** Searches the target object's records as the user types and stores the picked record's id. */
export function LookupSelect({ target, value, onChange, multiple, id, initialLabel, placeholder, autoFocus }: Props) {
  const { t, i18n } = useTranslation();
  const { objects } = useObjects();
  const meta = objectByName(objects, target);
  const path = meta?.path ?? null;
  const [text, setText] = useState('');
  const q = useDebounced(text, 250);
  // Names of records picked earlier, so a choice keeps its label when the search moves on.
  const [known, setKnown] = useState<Record<string, string>>({});
  const { data = [], isFetching } = useQuery({
    queryKey: ['lookup', path, q],
    queryFn: async () => (await api<ListResponse<CrmRecord>>(`/${path}`, { query: { q, limit: 20 } })).data,
    enabled: !!path,
    staleTime: 15_000,
  });
  const selected = value == null ? [] : Array.isArray(value) ? value : [value];
  const labelOf = (rid: string) => known[rid] ?? data.find((r) => r.id === rid)?.name ?? (rid === value ? initialLabel : undefined);
  // A value whose name we do not have (a saved filter, an edited record) is read once by id.
  const unnamed = selected.filter((rid) => labelOf(rid) === undefined);
  const resolved = useQueries({
    queries: unnamed.map((rid) => ({
      queryKey: ['lookup', path, 'id', rid],
      queryFn: () => api<CrmRecord>(`/${path}/${rid}`),
      enabled: !!path,
      staleTime: 60_000,
      retry: false,
    })),
  });
  const options = data.map((r) => ({ value: r.id, label: nameOf(r) }));
  unnamed.forEach((rid, i) => {
    const r = resolved[i];
    const label = r?.data ? nameOf(r.data) : r?.isError ? t('fields.lookupGone') : '…';
    options.unshift({ value: rid, label });
  });
  for (const rid of selected) {
    const label = labelOf(rid);
    if (label !== undefined && !options.some((o) => o.value === rid)) options.unshift({ value: rid, label: String(label) });
  }
  const remember = (picked: unknown) => {
    const list = (Array.isArray(picked) ? picked : [picked]) as { value?: string; label?: string }[];
    const next = Object.fromEntries(list.filter((o) => o?.value && o.label).map((o) => [o.value, String(o.label)]));
    if (Object.keys(next).length) setKnown((k) => ({ ...k, ...next }));
  };
  return (
    <Select<Value>
      id={id}
      mode={multiple ? 'multiple' : undefined}
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      autoFocus={autoFocus}
      loading={isFetching}
      value={multiple ? selected : selected[0]}
      onChange={(v, option) => {
        remember(option);
        onChange?.(multiple ? ((v as string[] | null) ?? []) : ((v as string | null) ?? null));
      }}
      placeholder={placeholder ?? (meta ? t('fields.lookupSearch', { object: objectLabel(meta, i18n.language) }) : undefined)}
      options={options}
      style={{ width: '100%' }}
      data-testid="lookup-select"
      data-target={target}
    />
  );
}
