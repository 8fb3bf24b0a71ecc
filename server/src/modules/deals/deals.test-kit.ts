import type { TestApp, TestUser } from '../../../test/app.ts';
import type { TDeal } from './deals.schema.ts';
import type { TPipeline } from './pipelines.schema.ts';

/** Small helpers over the HTTP API for the deal tests. */
export function dealsKit(t: TestApp) {
  const json = (user: TestUser, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    t.request(user, { method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
  return {
    json,
    pipelines: async (user: TestUser = t.admin): Promise<TPipeline[]> => (await json(user, 'GET', '/api/v1/pipelines?includeClosed=true')).json().data,
    defaultPipeline: async (user: TestUser = t.admin): Promise<TPipeline> => {
      const res = await json(user, 'GET', '/api/v1/pipelines');
      return (res.json().data as TPipeline[]).find((p) => p.isDefault) as TPipeline;
    },
    createDeal: async (input: Record<string, unknown>, user: TestUser = t.admin): Promise<TDeal> => {
      const res = await json(user, 'POST', '/api/v1/deals', input);
      if (res.statusCode !== 201) throw new Error(`create deal: ${res.statusCode} ${res.body}`);
      return res.json();
    },
    move: (id: string, body: Record<string, unknown>, user: TestUser = t.admin) => json(user, 'POST', `/api/v1/deals/${id}/move`, body),
    board: async (query = '', user: TestUser = t.admin) => {
      const res = await json(user, 'GET', `/api/v1/deals/board${query}`);
      if (res.statusCode !== 200) throw new Error(`board: ${res.statusCode} ${res.body}`);
      return res.json() as {
        pipelineId: string;
        baseCurrency: string;
        columns: { stageId: string; count: number; total: string; weighted: string; deals: TDeal[]; nextCursor: string | null }[];
      };
    },
  };
}
