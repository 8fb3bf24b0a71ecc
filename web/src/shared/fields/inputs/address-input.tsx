import { Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Address } from '#shared/api/types';
import styles from './inputs.module.css';

type Props = { value?: Address | null; onChange?: (v: Address) => void; id?: string };
const PARTS = ['country', 'province', 'city', 'district', 'street', 'postcode'] as const;

export function AddressInput({ value, onChange, id }: Props) {
  const { t } = useTranslation();
  const set = (k: (typeof PARTS)[number], v: string) => onChange?.({ ...(value ?? {}), [k]: v });
  return (
    <div className={styles.address} id={id}>
      {PARTS.map((k) => (
        <Input
          key={k}
          className={k === 'street' ? styles.wide : undefined}
          placeholder={t(`fields.addressParts.${k}`)}
          aria-label={t(`fields.addressParts.${k}`)}
          value={value?.[k] ?? ''}
          onChange={(e) => set(k, e.target.value)}
        />
      ))}
    </div>
  );
}
