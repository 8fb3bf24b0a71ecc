import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api } from '#shared/api/client';
import type { CrmRecord, ListResponse } from '#shared/api/types';
import { useDebounced } from '#shared/ui/use-debounced';

type Props = { value?: string | null; onChange?: (v: string | null) => void; id?: string; initialLabel?: string };

/** Searches companies on the server as the user types. */
export function CompanySelect({ value, onChange, id, initialLabel }: Props) {
  const [text, setText] = useState('');
  const q = useDebounced(text, 250);
  const { data = [], isFetching } = useQuery({
    queryKey: ['companies', 'pick', q],
    queryFn: async () => (await api<ListResponse<CrmRecord>>('/companies', { query: { q, limit: 20, fields: 'id,name' } })).data,
    staleTime: 15_000,
  });
  const options = data.map((c) => ({ value: c.id, label: String(c.name) }));
  if (value && initialLabel && !options.some((o) => o.value === value)) options.unshift({ value, label: initialLabel });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      loading={isFetching}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      style={{ width: '100%' }}
      data-testid="company-select"
    />
  );
}
