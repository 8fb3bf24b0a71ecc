import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { mailApi } from './mail-api';

type Props = { object: string | null; onPick: (path: string) => void };

/** Lists the merge fields a template on `object` may use, grouped; picking one inserts `{{path}}`. */
export function MergeFieldPicker({ object, onPick }: Props) {
  const { t } = useTranslation();
  const { data = [], isPending } = useQuery({ queryKey: ['mail', 'merge-fields', object], queryFn: () => mailApi.mergeFields(object) });
  const groups = (['contact', 'owner', 'record'] as const).map((root) => ({
    label: t(`mail.roots.${root}`),
    options: data.filter((f) => f.root === root).map((f) => ({ value: f.path, label: `{{${f.path}}}` })),
  }));
  return (
    <Select
      showSearch
      value={null}
      loading={isPending}
      placeholder={t('mail.insertField')}
      style={{ minWidth: 260 }}
      options={groups}
      onChange={(v: string | null) => v && onPick(v)}
      data-testid="merge-field-picker"
    />
  );
}
