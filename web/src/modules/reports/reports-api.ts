import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '#shared/api/client';
import type { Ref } from '#shared/api/types';

/** Decimal amount in the base currency as the server sends it ("12345.60"). */
export type Money = string;
export type I18nName = { zh?: string; en?: string };

export type ReportFilters = { from: string; to: string; teamId?: string | undefined; ownerId?: string | undefined; pipelineId?: string | undefined };

type Head = { from: string; to: string; baseCurrency: string; unconvertedDeals: number };

export type ForecastFigures = {
  pipeline: Money;
  bestCase: Money;
  commit: Money;
  closed: Money;
  weighted: Money;
  openAmount: Money;
  forecast: Money;
  openDeals: number;
  wonDeals: number;
};
export type ForecastReport = Head & {
  months: (ForecastFigures & { month: string })[];
  owners: (ForecastFigures & { owner: Ref | null; team: Ref | null })[];
  teams: (ForecastFigures & { team: Ref | null })[];
  totals: ForecastFigures;
};

export type FunnelStage = {
  stage: { id: string; name: I18nName; type: 'open' | 'won'; probability: number };
  reached: number;
  entered: number;
  movedOn: number;
  current: number;
  lostHere: number;
  conversion: number | null;
  fromStart: number | null;
  avgDaysInStage: number | null;
  reachedAmount: Money;
};
export type FunnelReport = Head & { pipeline: { id: string; name: I18nName } | null; cohort: number; stages: FunnelStage[] };

export type WinLossFigures = {
  won: number;
  lost: number;
  wonAmount: Money;
  lostAmount: Money;
  winRate: number | null;
  winRateByAmount: number | null;
  avgCycleDays: number | null;
  medianCycleDays: number | null;
};
export type LostReason = { reason: string | null; deals: number; amount: Money; share: number };
export type WinLossReport = Head & { totals: WinLossFigures; owners: (WinLossFigures & { owner: Ref | null })[]; lostReasons: LostReason[] };

export type LeaderboardRow = {
  owner: Ref;
  team: Ref | null;
  wonAmount: Money;
  wonDeals: number;
  activities: number;
  calls: number;
  meetings: number;
  emails: number;
  notes: number;
  tasksDone: number;
};
export type LeaderboardReport = Head & { rows: LeaderboardRow[] };

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

export type PipelineOption = { id: string; name: I18nName; isDefault?: boolean };

/** Pipelines for the filter (everyone may read them). */
export function usePipelines() {
  return useQuery({
    queryKey: ['pipelines', 'options'],
    queryFn: async () => (await api<{ data: PipelineOption[] }>('/pipelines', { query: { includeClosed: 'true' } })).data,
    staleTime: 60_000,
    retry: false,
  });
}

export type TeamOption = { id: string; name: string; parentId: string | null };

export function useTeams() {
  return useQuery({
    queryKey: ['teams', 'options'],
    queryFn: async () => (await api<{ data: TeamOption[] }>('/teams', { query: { limit: 500 } })).data,
    staleTime: 60_000,
    retry: false,
  });
}
