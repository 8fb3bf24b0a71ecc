import { api } from '#shared/api/client';
import type { ListResponse, Ref } from '#shared/api/types';

export type StageType = 'open' | 'won' | 'lost';
export const FORECAST_CATEGORIES = ['pipeline', 'best_case', 'commit', 'closed', 'omitted'] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];
export const LOST_REASONS = ['price', 'competitor', 'no_budget', 'no_decision', 'timing', 'product_fit', 'unresponsive', 'other'] as const;
export type LostReason = (typeof LOST_REASONS)[number];

export type Name = { zh?: string; en?: string };
export type Stage = {
  id: string;
  pipelineId: string;
  name: Name;
  probability: number;
  type: StageType;
  forecastCategory: ForecastCategory;
  position: number;
  version: number;
};
export type Pipeline = {
  id: string;
  name: Name;
  position: number;
  isDefault: boolean;
  teamIds: string[];
  staleDays: number;
  closed: boolean;
  stages: Stage[];
  version: number;
};

export type Deal = {
  id: string;
  name: string;
  companyId: string | null;
  company: Ref | null;
  contactId: string | null;
  contact: Ref | null;
  pipelineId: string;
  stageId: string;
  status: StageType;
  amount: string;
  currency: string;
  amountBase: string | null;
  baseCurrency: string;
  exchangeRate: string | null;
  probability: number;
  expectedCloseDate: string | null;
  forecastCategory: ForecastCategory;
  forecastCategoryManual: boolean;
  lostReason: LostReason | null;
  lostNote: string | null;
  leadId: string | null;
  stageEnteredAt: string;
  wonAt: string | null;
  lostAt: string | null;
  closedAt: string | null;
  overdueAt: string | null;
  isOverdue: boolean;
  lastActivityAt: string | null;
  tags: string[];
  description: string | null;
  ownerId: string | null;
  owner: Ref | null;
  custom: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type DealInput = Partial<{
  name: string;
  companyId: string | null;
  contactId: string | null;
  pipelineId: string;
  stageId: string;
  amount: string;
  currency: string;
  probability: number;
  expectedCloseDate: string | null;
  forecastCategory: ForecastCategory | null;
  lostReason: LostReason | null;
  lostNote: string | null;
  description: string | null;
  ownerId: string;
  tags: string[];
}>;

export type MoveInput = { stageId: string; afterId?: string | null; beforeId?: string | null; lostReason?: LostReason; lostNote?: string };
export type BoardColumn = { stageId: string; count: number; total: string; weighted: string; deals: Deal[]; nextCursor: string | null };
export type Board = { pipelineId: string; baseCurrency: string; columns: BoardColumn[] };
export type HistoryEntry = {
  id: string;
  fromStageId: string | null;
  toStageId: string;
  changedAt: string;
  changedBy: Ref | null;
  secondsInFrom: number | null;
  amount: string | null;
  currency: string | null;
  amountBase: string | null;
};
export type ExchangeRate = { id: string; currency: string; baseCurrency: string; rate: string; effectiveDate: string; version: number };

export const dealKeys = {
  all: ['deals'] as const,
  board: (pipelineId: string | undefined, q: string) => ['deals', 'board', pipelineId ?? 'default', q] as const,
  list: (params: object) => ['deals', 'list', params] as const,
  one: (id: string) => ['deals', 'one', id] as const,
  history: (id: string) => ['deals', 'history', id] as const,
  related: (field: string, id: string) => ['deals', 'related', field, id] as const,
  pipelines: ['pipelines'] as const,
  rates: ['exchange-rates'] as const,
};

export const dealsApi = {
  pipelines: async (includeClosed = false) => (await api<{ data: Pipeline[] }>('/pipelines', { query: { includeClosed } })).data,
  board: (pipelineId: string | undefined, q: string) => api<Board>('/deals/board', { query: { pipelineId, q, limit: 50 } }),
  column: (stageId: string, cursor: string, q: string) =>
    api<{ stageId: string; deals: Deal[]; nextCursor: string | null }>(`/deals/board/columns/${stageId}`, { query: { cursor, q, limit: 50 } }),
  list: (query: Record<string, string | number | undefined>) => api<ListResponse<Deal>>('/deals', { query }),
  get: (id: string) => api<Deal>(`/deals/${id}`),
  create: (body: DealInput) => api<Deal>('/deals', { method: 'POST', body }),
  update: (id: string, body: DealInput, version: number) => api<Deal>(`/deals/${id}`, { method: 'PATCH', body, ifMatch: version }),
  remove: (id: string) => api<void>(`/deals/${id}`, { method: 'DELETE' }),
  move: (id: string, body: MoveInput) => api<Deal>(`/deals/${id}/move`, { method: 'POST', body }),
  history: async (id: string) => (await api<{ data: HistoryEntry[] }>(`/deals/${id}/stage-history`)).data,
  createPipeline: (body: object) => api<Pipeline>('/pipelines', { method: 'POST', body }),
  updatePipeline: (id: string, body: object, version?: number) =>
    api<Pipeline>(`/pipelines/${id}`, { method: 'PATCH', body, ...(version ? { ifMatch: version } : {}) }),
  deletePipeline: (id: string) => api<void>(`/pipelines/${id}`, { method: 'DELETE' }),
  createStage: (pipelineId: string, body: object) => api<Stage>(`/pipelines/${pipelineId}/stages`, { method: 'POST', body }),
  updateStage: (pipelineId: string, id: string, body: object) => api<Stage>(`/pipelines/${pipelineId}/stages/${id}`, { method: 'PATCH', body }),
  deleteStage: (pipelineId: string, id: string) => api<void>(`/pipelines/${pipelineId}/stages/${id}`, { method: 'DELETE' }),
  reorderStages: (pipelineId: string, ids: string[]) => api<{ data: Stage[] }>(`/pipelines/${pipelineId}/stages/order`, { method: 'PUT', body: { ids } }),
  rates: () => api<{ baseCurrency: string; data: ExchangeRate[] }>('/exchange-rates'),
  createRate: (body: { currency: string; rate: string; effectiveDate: string }) => api<ExchangeRate>('/exchange-rates', { method: 'POST', body }),
  updateRate: (id: string, body: { rate?: string; effectiveDate?: string }) => api<ExchangeRate>(`/exchange-rates/${id}`, { method: 'PATCH', body }),
  deleteRate: (id: string) => api<void>(`/exchange-rates/${id}`, { method: 'DELETE' }),
};

/** A stage or pipeline name in the UI language, falling back to the other one. */
export const nameOf = (name: Name | undefined, lang: string) => (lang.startsWith('en') ? (name?.en ?? name?.zh) : (name?.zh ?? name?.en)) ?? '';

/** A decimal string without trailing zeros ("7.1500000000" -> "7.15"), exact. */
export const trimDecimal = (v: string) => (v.includes('.') ? v.replace(/0+$/, '').replace(/\.$/, '') : v);
