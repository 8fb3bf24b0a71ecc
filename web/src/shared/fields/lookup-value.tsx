import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '#shared/api/client';
import type { CrmRecord } from '#shared/api/types';
import { recordUrl } from '#shared/objects/record-url';
import { objectByName, useObjects } from '#shared/objects/use-objects';
import type { FieldDef } from './field-types';
import { lookupRef } from './lookup';

type Props = { def: FieldDef; record: CrmRecord; id: string };

/** The record a lookup field points to, by name, linking to its page. */
export function LookupValue({ def, record, id }: Props) {
  const { t } = useTranslation();
  const { objects } = useObjects();
  const meta = objectByName(objects, def.target);
  const ref = lookupRef(record, def);
  // The API names lookups in `record.lookups`; only a response without them costs a read by id.
  const fallback = useQuery({
    queryKey: ['lookup', meta?.path ?? null, 'id', id],
    queryFn: () => api<CrmRecord>(`/${meta?.path}/${id}`),
    enabled: ref === undefined && !!meta?.path,
    staleTime: 60_000,
    retry: false,
  });
  const name = ref === undefined ? (fallback.data?.name as string | undefined) : ref?.name;
  if (ref === null || (ref === undefined && fallback.isError)) return <Typography.Text type="secondary">{t('fields.lookupGone')}</Typography.Text>;
  if (!name) return <Typography.Text type="secondary">…</Typography.Text>;
  const url = recordUrl(meta, id);
  return url ? (
    <Link to={url} onClick={(e) => e.stopPropagation()} data-testid="lookup-link">
      {name}
    </Link>
  ) : (
    name
  );
}
