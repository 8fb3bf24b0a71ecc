import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CUSTOM_FIELDS_KEY, customFieldsApi } from '#shared/fields/custom-fields-api';
import { pickLabel } from '#shared/format/localized';

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
  // A lookup custom field: the record it points to, by name (the response's `lookups`).
  const lookup = field.startsWith('custom.') ? (record.lookups as Record<string, { name: string } | null> | undefined)?.[field.slice(7)] : undefined;
  if (lookup) return lookup.name;
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

/** Label of a field: the shell's field names, the module's own, or the object's custom field's label (its key until loaded). */
export function useFieldLabel(object: string) {
  const { t, i18n } = useTranslation();
  const { data: custom } = useQuery({ queryKey: CUSTOM_FIELDS_KEY, queryFn: customFieldsApi.list, staleTime: 60_000 });
  return (field: string) => {
    if (field.startsWith('custom.')) {
      const def = custom?.find((d) => d.object === object && d.key === field.slice(7));
      return def ? pickLabel({ zh: def.label.zh ?? '', en: def.label.en ?? '' }, i18n.language) || def.key : field.slice(7);
    }
    if (field === 'ownerId') return t('fields.owner');
    // A person's name (姓名) for contacts and leads; any other object's name is its title (名称).
    if (field === 'name' && object !== 'contact' && object !== 'lead') return t('fields.name');
    if (i18n.exists(`dedup.fields.${field}`)) return t(`dedup.fields.${field}`);
    return i18n.exists(`fields.${field}`) ? t(`fields.${field}`) : field;
  };
}
