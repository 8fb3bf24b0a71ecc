import { useQuery } from '@tanstack/react-query';
import { dealKeys, dealsApi } from './deals-api';

/** Pipelines the user may see (closed ones included, marked), with stages in order. */
export const usePipelines = () => useQuery({ queryKey: dealKeys.pipelines, queryFn: () => dealsApi.pipelines(true), staleTime: 60_000 });
