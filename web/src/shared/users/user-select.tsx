import { Select } from 'antd';
import { useUsers } from './users-api';

type Props = { value?: string | null; onChange?: (v: string | null) => void; id?: string; placeholder?: string };

export function UserSelect({ value, onChange, id, placeholder }: Props) {
  const { data = [], isPending } = useUsers();
  return (
    <Select
      id={id}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={isPending}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      placeholder={placeholder}
      options={data.filter((u) => u.isActive !== false || u.id === value).map((u) => ({ value: u.id, label: u.name }))}
      style={{ width: '100%' }}
    />
  );
}
