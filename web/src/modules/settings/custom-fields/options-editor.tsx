import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldOption } from '#shared/fields/field-types';

type Props = { value?: FieldOption[]; onChange?: (v: FieldOption[]) => void };

/** Options of a select field: a stored value and its Chinese and English labels. */
export function OptionsEditor({ value = [], onChange }: Props) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<FieldOption>) => onChange?.(value.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  return (
    <div data-testid="options-editor">
      {value.map((o, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: options are edited in place; value may be blank
        <div key={i} style={{ display: 'flex', gap: 6, marginBottom: 6 }}>
          <Input placeholder={t('settings.customFields.optionValue')} value={o.value} onChange={(e) => set(i, { value: e.target.value })} />
          <Input placeholder="中文" value={o.label.zh} onChange={(e) => set(i, { label: { ...o.label, zh: e.target.value } })} />
          <Input placeholder="English" value={o.label.en} onChange={(e) => set(i, { label: { ...o.label, en: e.target.value } })} />
          <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={() => onChange?.(value.filter((_, j) => j !== i))} />
        </div>
      ))}
      <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => onChange?.([...value, { value: '', label: { zh: '', en: '' } }])}>
        {t('settings.customFields.addOption')}
      </Button>
    </div>
  );
}
