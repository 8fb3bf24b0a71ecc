import type { TestApp, TestUser } from '#test/app.ts';

export type Call = (user: TestUser, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => ReturnType<TestApp['request']>;

/** Requests as a user with a JSON body. */
export const caller =
  (t: TestApp): Call =>
  (user, method, url, payload) =>
    t.request(user, { method, url, ...(payload === undefined ? {} : { payload: payload as object }) });

/**
 * An organisation for approvals: a company team (director) above a sales team (manager) with two
 * reps; the managers have the Sales Manager role, so they see their teams' records.
 */
export async function makeOrg(t: TestApp) {
  const call = caller(t);
  const director = await t.createUser({ role: 'Sales Manager', name: '总监 Director' });
  const manager = await t.createUser({ role: 'Sales Manager', name: '经理 Manager' });
  const company = (await call(t.admin, 'POST', '/api/v1/teams', { name: '公司 Company', managerId: director.id })).json() as { id: string };
  const sales = (await call(t.admin, 'POST', '/api/v1/teams', { name: '销售部 Sales', parentId: company.id, managerId: manager.id })).json() as { id: string };
  await t.db.kysely.updateTable('users').set({ team_id: company.id }).where('id', '=', director.id).execute();
  await t.db.kysely.updateTable('users').set({ team_id: sales.id }).where('id', '=', manager.id).execute();
  const rep = await t.createUser({ role: 'Sales Rep', teamId: sales.id, name: '销售 Rep' });
  const rep2 = await t.createUser({ role: 'Sales Rep', teamId: sales.id, name: '销售二 Rep2' });
  return { director, manager, rep, rep2, teams: { company: company.id, sales: sales.id } };
}

/** A two-level process on deals: over 1,000,000 the owner's manager; over 3,000,000 also the manager's manager. */
export const twoLevelProcess = (extra: Record<string, unknown> = {}) => ({
  object: 'deal',
  name: '大额商机审批',
  criteria: { amount: { gt: 1000000 } },
  steps: [
    { name: '经理', approvers: [{ type: 'manager', level: 1 }] },
    { name: '总监', approvers: [{ type: 'manager', level: 2 }], criteria: { amount: { gt: 3000000 } } },
  ],
  onApproved: { fieldUpdates: [{ field: 'description', value: '已审批 approved' }], notify: ['submitter', 'owner'] },
  ...extra,
});
