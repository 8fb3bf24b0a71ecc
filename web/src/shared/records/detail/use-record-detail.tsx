import { useQuery } from '@tanstack/react-query';
import { Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { isApiError } from '#shared/api/problem';
import type { ObjectDef } from '../object-def';
import { recordKeys, recordsApi } from '../records-api';
import { useObjectFields } from '../use-object-fields';
import { useObjectLayout } from '../use-object-layout';

/**
 * What a record's detail page loads before it draws: the record (by the route's id), its fields
 * and its layout. `blocker` is what to show instead while any is loading, or the 404/403/error.
 * Waiting for the layout too: the fields would otherwise jump into their sections a moment later.
 */
export function useRecordDetail(def: ObjectDef, layoutObject: string) {
  const { id = '' } = useParams();
  const { fields } = useObjectFields(def);
  const { layout, loading } = useObjectLayout(layoutObject);
  const q = useQuery({ queryKey: recordKeys.one(def.object, id), queryFn: () => recordsApi.get(def.object, id) });
  let blocker: ReactNode = null;
  if (q.isPending || loading) blocker = <Spin />;
  else if (q.isError) {
    const status = isApiError(q.error) && (q.error.status === 404 || q.error.status === 403) ? String(q.error.status) : 'error';
    blocker = <Result status={status as '404' | '403' | 'error'} title={q.error.message} />;
  }
  return { id, q, fields, layout, blocker };
}
