import { sql } from 'kysely';
import { expect } from 'vitest';
import type { TestApp, TestUser } from '#test/app.ts';

export type Stage = { id: string; type: string; name: { en?: string } };
export type Stages = Record<'qual' | 'needs' | 'proposal' | 'negotiation' | 'won' | 'lost', Stage>;

/** The default pipeline's stages by their English names (created on first use by the deals module). */
export async function defaultStages(t: TestApp): Promise<{ pipelineId: string; stages: Stages }> {
  const res = await t.request(t.admin, { method: 'GET', url: '/api/v1/pipelines' });
  expect(res.statusCode, res.body).toBe(200);
  const pipeline = (res.json().data as { id: string; isDefault: boolean; stages: Stage[] }[]).find((p) => p.isDefault);
  if (!pipeline) throw new Error('no default pipeline');
  const by = (en: string) => pipeline.stages.find((s) => s.name.en === en) as Stage;
  return {
    pipelineId: pipeline.id,
    stages: {
      qual: by('Qualification'),
      needs: by('Needs analysis'),
      proposal: by('Proposal'),
      negotiation: by('Negotiation'),
      won: by('Won'),
      lost: by('Lost'),
    },
  };
}

export type DealPlan = {
  name: string;
  owner: TestUser;
  amount: string;
  currency?: string;
  expectedCloseDate?: string;
  /** Stages after the first, each with the days spent in the stage it leaves. */
  path: { stage: Stage; daysBefore: number; lostReason?: string }[];
  /** When the deal was created and (if it closed) closed; the API stamps "now", the test moves the clock back. */
  createdAt: string;
  closedAt?: string;
};

/**
 * Builds a deal through the API (create, then one move per step), so the deals module writes the
 * stage history itself. Before each move the deal's stage entry is set `daysBefore` days back,
 * so the history's time in stage is known; creation and close instants are then set as planned.
 */
export async function buildDeal(t: TestApp, first: Stage, p: DealPlan): Promise<string> {
  const created = await t.request(t.admin, {
    method: 'POST',
    url: '/api/v1/deals',
    payload: {
      name: p.name,
      amount: p.amount,
      currency: p.currency ?? 'CNY',
      ownerId: p.owner.id,
      stageId: first.id,
      expectedCloseDate: p.expectedCloseDate ?? null,
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  for (const step of p.path) {
    await sql`update deals set stage_entered_at = now() - make_interval(days => ${step.daysBefore}) where id = ${id}`.execute(t.db.kysely);
    const moved = await t.request(t.admin, {
      method: 'POST',
      url: `/api/v1/deals/${id}/move`,
      payload: { stageId: step.stage.id, ...(step.lostReason ? { lostReason: step.lostReason } : {}) },
    });
    expect(moved.statusCode, moved.body).toBe(200);
  }
  await sql`update deals set created_at = ${p.createdAt}::timestamptz,
      won_at = case when status = 'won' then ${p.closedAt ?? null}::timestamptz end,
      lost_at = case when status = 'lost' then ${p.closedAt ?? null}::timestamptz end,
      closed_at = case when status <> 'open' then ${p.closedAt ?? null}::timestamptz end
    where id = ${id}`.execute(t.db.kysely);
  return id;
}

export const report = async (t: TestApp, user: TestUser, name: string, query: Record<string, string>) => {
  const res = await t.request(user, { method: 'GET', url: `/api/v1/reports/${name}?${new URLSearchParams(query)}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
