import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api } from '#shared/api/client';
import type { ListResponse, Ref } from '#shared/api/types';
import { useDebounced } from '#shared/ui/use-debounced';

type Props = {
  object: 'companies' | 'contacts';
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** The linked record's name, shown before the search runs. */
  current?: Ref | null;
  filter?: object;
  id?: string;
};

/** A searchable picker over the records the user may see. */
export function RecordPicker({ object, value, onChange, current, filter, id }: Props) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const found = useQuery({
    queryKey: ['picker', object, q, filter],
    queryFn: () => api<ListResponse<Ref>>(`/${object}`, { query: { q, limit: 20, fields: 'id,name', ...(filter ? { filter: JSON.stringify(filter) } : {}) } }),
  });
  const options = (found.data?.data ?? []).map((r) => ({ value: r.id, label: r.name }));
  if (current && !options.some((o) => o.value === current.id)) options.unshift({ value: current.id, label: current.name });
  return (
    <Select
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setText }}
      loading={found.isFetching}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      style={{ width: '100%' }}
      data-testid={`picker-${object}`}
    />
  );
}
