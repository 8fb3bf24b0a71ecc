import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type Rec = Record<string, unknown>;

/** A field's value as the comparison shows it (lists joined, references by name). */
export function FieldValue({ field, value, record }: { field: string; value: unknown; record: Rec }) {
  const { t } = useTranslation();
  const text = display(field, value, record);
  return text ? (
    <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{text}</span>
  ) : (
    <Typography.Text type="secondary">{t('dedup.noValue')}</Typography.Text>
  );
}

export function display(field: string, value: unknown, record: Rec): string {
  if (value === null || value === undefined || value === '') return '';
  if (field === 'companyId') return (record.company as { name: string } | null)?.name ?? String(value);
  if (field === 'ownerId') return (record.owner as { name: string } | null)?.name ?? String(value);
  if (Array.isArray(value))
    return value
      .map((v) =>
        typeof v === 'string' ? v : ((v as { number?: string; address?: string }).number ?? (v as { address?: string }).address ?? JSON.stringify(v)),
      )
      .join('\n');
  if (typeof value === 'object')
    return Object.values(value as Record<string, string>)
      .filter(Boolean)
      .join(' ');
  return String(value);
}

/** Label of a field: the shell's field names, the module's own, or the custom field key. */
export function useFieldLabel() {
  const { t, i18n } = useTranslation();
  return (field: string) => {
    if (field.startsWith('custom.')) return field.slice(7);
    if (field === 'ownerId') return t('fields.owner');
    if (i18n.exists(`dedup.fields.${field}`)) return t(`dedup.fields.${field}`);
    return i18n.exists(`fields.${field}`) ? t(`fields.${field}`) : field;
  };
}
