import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ListParams } from '#shared/api/list-query';
import type { CrmRecord } from '#shared/api/types';
import type { ObjectName } from '../object-def';
import { recordKeys, recordsApi } from '../records-api';

export const PAGE_SIZE = 50;

/**
 * Keyset-paginated list; pages are fetched as the table scrolls. While a new search or filter is
 * on its way the previous rows stay (marked `isPlaceholderData`) instead of an empty table.
 */
export function useInfiniteList(object: ObjectName, params: Omit<ListParams, 'cursor' | 'limit'>) {
  const query = useInfiniteQuery({
    queryKey: recordKeys.list(object, params),
    queryFn: ({ pageParam, signal }) => recordsApi.list(object, { ...params, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows = useMemo<CrmRecord[]>(() => query.data?.pages.flatMap((p) => p.data) ?? [], [query.data]);
  return { ...query, rows };
}
