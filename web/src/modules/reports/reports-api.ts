import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '#shared/api/client';
import type { ApiItem, ApiResponse } from '#shared/api/api-types';

/** Decimal amount in the base currency as the server sends it ("12345.60"). */
export type Money = string;
export type I18nName = { zh?: string; en?: string };

export type ReportFilters = { from: string; to: string; teamId?: string | undefined; ownerId?: string | undefined; pipelineId?: string | undefined };

export type ForecastReport = ApiResponse<'/api/v1/reports/forecast'>;
export type ForecastFigures = ForecastReport['totals'];
export type FunnelReport = ApiResponse<'/api/v1/reports/funnel'>;
export type FunnelStage = FunnelReport['stages'][number];
export type WinLossReport = ApiResponse<'/api/v1/reports/win-loss'>;
export type WinLossFigures = WinLossReport['totals'];
export type LostReason = WinLossReport['lostReasons'][number];
export type LeaderboardReport = ApiResponse<'/api/v1/reports/leaderboard'>;
export type LeaderboardRow = LeaderboardReport['rows'][number];

type Reports = { forecast: ForecastReport; funnel: FunnelReport; 'win-loss': WinLossReport; leaderboard: LeaderboardReport };
export type ReportName = keyof Reports;

export const fetchReport = <N extends ReportName>(name: N, f: ReportFilters) => api<Reports[N]>(`/reports/${name}`, { query: { ...f } });

/** One report for the filters; the previous figures stay on screen while new ones load. */
export function useReport<N extends ReportName>(name: N, filters: ReportFilters, enabled = true) {
  return useQuery({
    queryKey: ['reports', name, filters],
    queryFn: () => fetchReport(name, filters),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** A zh/en name in the UI language, falling back to the other. */
export const localName = (n: I18nName, lang: string) => (lang.startsWith('zh') ? n.zh || n.en : n.en || n.zh) ?? '';

export type PipelineOption = Pick<ApiItem<'/api/v1/pipelines'>, 'id' | 'name' | 'isDefault'>;

/** Pipelines for the filter (everyone may read them). */
export function usePipelines() {
  return useQuery({
    queryKey: ['pipelines', 'options'],
    queryFn: async () => (await api<{ data: PipelineOption[] }>('/pipelines', { query: { includeClosed: 'true' } })).data,
    staleTime: 60_000,
    retry: false,
  });
}

export type TeamOption = Pick<ApiItem<'/api/v1/teams'>, 'id' | 'name' | 'parentId'>;

export function useTeams() {
  return useQuery({
    queryKey: ['teams', 'options'],
    queryFn: async () => (await api<{ data: TeamOption[] }>('/teams', { query: { limit: 500 } })).data,
    staleTime: 60_000,
    retry: false,
  });
}
