import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Email, Phone } from '#shared/api/types';
import styles from './inputs.module.css';

type ListProps<T> = { value?: T[] | null; onChange?: (v: T[]) => void; id?: string };

function LabeledList<T extends { label?: string }>({
  value,
  onChange,
  id,
  valueKey,
  make,
  inputType,
}: ListProps<T> & { valueKey: keyof T & string; make: () => T; inputType: string }) {
  const { t } = useTranslation();
  const list = value?.length ? value : [make()];
  const update = (i: number, patch: Partial<T>) => onChange?.(list.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <div id={id}>
      {list.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
        <div className={styles.row} key={i}>
          <Input
            className={styles.label}
            placeholder={t('fields.label')}
            value={item.label ?? ''}
            onChange={(e) => update(i, { label: e.target.value } as Partial<T>)}
          />
          <Input
            type={inputType}
            value={String(item[valueKey] ?? '')}
            onChange={(e) => update(i, { [valueKey]: e.target.value } as Partial<T>)}
            aria-label={t(`fields.${valueKey}`)}
          />
          <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={() => onChange?.(list.filter((_, j) => j !== i))} />
        </div>
      ))}
      <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => onChange?.([...list, make()])}>
        {t('common.add')}
      </Button>
    </div>
  );
}

export const PhonesInput = (p: ListProps<Phone>) => <LabeledList<Phone> {...p} valueKey="number" inputType="tel" make={() => ({ label: '', number: '' })} />;
export const EmailsInput = (p: ListProps<Email>) => (
  <LabeledList<Email> {...p} valueKey="address" inputType="email" make={() => ({ label: '', address: '' })} />
);
