import { EyeOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObjectName } from '../object-def';
import { recordsApi } from '../records-api';
import styles from './record-fields.module.css';

type Props = { object: ObjectName; id: string; field: string; masked: string; canReveal: boolean };

/** Shows a masked value; users allowed to read the field can reveal it (the server audits each reveal). */
export function SensitiveValue({ object, id, field, masked, canReveal }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [value, setValue] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reveal = async () => {
    setBusy(true);
    try {
      setValue((await recordsApi.reveal(object, id, field)).value);
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className={styles.masked}>
      <span data-testid={`sensitive-${field}`}>{value ?? masked}</span>
      {value === null && canReveal && masked.includes('*') && (
        <Button size="small" type="link" icon={<EyeOutlined />} loading={busy} onClick={() => void reveal()}>
          {t('fields.reveal')}
        </Button>
      )}
    </span>
  );
}
