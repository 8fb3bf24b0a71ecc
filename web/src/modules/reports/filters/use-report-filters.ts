import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { ReportFilters } from '../reports-api';
import { localToday, presetRange } from './period-presets';

const KEYS = ['from', 'to', 'teamId', 'ownerId', 'pipelineId'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Report filters kept in the address (so a view can be bookmarked or shared); this quarter by default. */
export function useReportFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<ReportFilters>(() => {
    const fallback = presetRange('thisQuarter', localToday());
    const from = params.get('from') ?? '';
    const to = params.get('to') ?? '';
    const range = DAY.test(from) && DAY.test(to) && from <= to ? { from, to } : fallback;
    return {
      ...range,
      teamId: params.get('teamId') ?? undefined,
      ownerId: params.get('ownerId') ?? undefined,
      pipelineId: params.get('pipelineId') ?? undefined,
    };
  }, [params]);

  const update = useCallback(
    (patch: Partial<ReportFilters>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const key of KEYS) {
            if (!(key in patch)) continue;
            const value = patch[key];
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { filters, update };
}
