import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Address, CrmRecord, Email, Phone, Ref } from '#shared/api/types';
import { formatAddress } from '#shared/format/address';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '#shared/format/format';
import { pickLabel } from '#shared/format/localized';
import { getValue } from '#shared/records/object-def';
import { UserName } from '#shared/users/user-name';
import type { FieldDef } from './field-types';
import { LookupValue } from './lookup-value';

const LIFECYCLE_COLORS: Record<string, string> = {
  subscriber: 'default',
  lead: 'blue',
  opportunity: 'purple',
  customer: 'green',
  evangelist: 'gold',
  churned: 'red',
};

type Props = { def: FieldDef; record: CrmRecord; compact?: boolean };

/** Read-only display of one field of a record, formatted for the UI language. */
export function FieldValue({ def, record, compact }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const value = getValue(record, def.key);
  const empty = <Typography.Text type="secondary">—</Typography.Text>;
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return empty;
  const option = (v: unknown) => def.options?.find((o) => o.value === v);

  switch (def.type) {
    case 'url':
      return (
        <a href={String(value)} target="_blank" rel="noreferrer noopener">
          {String(value)}
        </a>
      );
    case 'email':
      return <a href={`mailto:${String(value)}`}>{String(value)}</a>;
    case 'phone':
      return <a href={`tel:${String(value)}`}>{String(value)}</a>;
    case 'number':
    case 'decimal':
      return <>{formatNumber(value as string, lang)}</>;
    case 'money':
      return <>{formatMoney(value as string, record.currency as string | undefined, lang)}</>;
    case 'date':
      return <>{formatDate(String(value), lang)}</>;
    case 'datetime':
      return <>{formatDateTime(String(value), lang)}</>;
    case 'boolean':
      return <>{value ? t('common.yes') : t('common.no')}</>;
    case 'select': {
      const o = option(value);
      const label = o ? pickLabel(o.label, lang) : String(value);
      return def.key === 'lifecycleStage' ? <Tag color={LIFECYCLE_COLORS[String(value)]}>{label}</Tag> : label;
    }
    case 'multiselect':
    case 'tags':
      return (
        <Space size={[0, 4]} wrap>
          {(value as string[]).map((v) => (
            <Tag key={v}>{option(v) ? pickLabel(option(v)?.label, lang) : v}</Tag>
          ))}
        </Space>
      );
    case 'user':
      return def.key === 'ownerId' && record.owner ? record.owner.name : <UserName id={String(value)} />;
    case 'company': {
      const company = record.company as Ref | null | undefined;
      return company ? (
        <Link to={`/companies/${company.id}`} onClick={(e) => e.stopPropagation()}>
          {company.name}
        </Link>
      ) : (
        empty
      );
    }
    case 'lookup':
      return <LookupValue def={def} record={record} id={String(value)} />;
    case 'phones': {
      const list = value as Phone[];
      const first = list[0];
      if (!first) return empty;
      if (compact)
        return (
          <>
            {first.number}
            {list.length > 1 ? ` +${list.length - 1}` : ''}
          </>
        );
      return (
        <Space orientation="vertical" size={0}>
          {list.map((p) => (
            <span key={p.number}>
              {p.label ? `${p.label}: ` : ''}
              <a href={`tel:${p.e164 ?? p.number}`}>{p.number}</a>
            </span>
          ))}
        </Space>
      );
    }
    case 'emails': {
      const list = value as Email[];
      if (compact)
        return (
          <>
            {list[0]?.address}
            {list.length > 1 ? ` +${list.length - 1}` : ''}
          </>
        );
      return (
        <Space orientation="vertical" size={0}>
          {list.map((e) => (
            <a key={e.address} href={`mailto:${e.address}`}>
              {e.address}
            </a>
          ))}
        </Space>
      );
    }
    case 'address':
      return <>{formatAddress(value as Address)}</>;
    default:
      return <>{String(value)}</>;
  }
}
