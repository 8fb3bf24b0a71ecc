import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { databaseAvailable } from '../../../test/db.ts';

describe.skipIf(!databaseAvailable)('teams API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const create = async (name: string, parentId: string | null = null) => {
    const res = await t.request(t.admin, { method: 'POST', url: '/api/v1/teams', payload: { name, parentId } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  };
  const move = (id: string, parentId: string | null) => t.request(t.admin, { method: 'PATCH', url: `/api/v1/teams/${id}`, payload: { parentId } });

  it('builds a tree and refuses a parent that would close a cycle', async () => {
    const sales = await create('销售部');
    const north = await create('华北区', sales.id);
    const beijing = await create('北京组', north.id);
    const cycle = await move(sales.id, beijing.id);
    expect(cycle.statusCode).toBe(409);
    expect(cycle.headers['content-type']).toContain('application/problem+json');
    expect(cycle.json().code).toBe('team_cycle');
    expect((await move(north.id, north.id)).statusCode).toBe(409);
    expect((await move(beijing.id, sales.id)).statusCode).toBe(200);
    const got = await t.request(t.admin, { method: 'GET', url: `/api/v1/teams/${sales.id}` });
    expect(got.json()).toMatchObject({ parentId: null, childCount: 2, memberCount: 0 });
    const bogus = await move(north.id, '0190a0a0-0000-7000-8000-000000000000');
    expect(bogus.statusCode).toBe(400);
  });

  it('refuses deleting a team with members or sub-teams, deletes an empty leaf', async () => {
    const parent = await create('Parent');
    const child = await create('Child', parent.id);
    const withChild = await t.request(t.admin, { method: 'DELETE', url: `/api/v1/teams/${parent.id}` });
    expect(withChild.statusCode).toBe(409);
    expect(withChild.json()).toMatchObject({ code: 'team_not_empty', detail: 'The team still has 0 members and 1 sub-teams; move them first' });
    const member = await t.createUser({ teamId: child.id });
    expect((await t.request(t.admin, { method: 'DELETE', url: `/api/v1/teams/${child.id}` })).statusCode).toBe(409);
    await t.request(t.admin, { method: 'PATCH', url: `/api/v1/users/${member.id}`, payload: { teamId: null } });
    expect((await t.request(t.admin, { method: 'DELETE', url: `/api/v1/teams/${child.id}` })).statusCode).toBe(204);
    expect((await t.request(t.admin, { method: 'DELETE', url: `/api/v1/teams/${parent.id}` })).statusCode).toBe(204);
  });

  it('lists with filter and honours If-Match; non-admins cannot change teams', async () => {
    const team = await create('Filtered team');
    const list = await t.request(t.admin, {
      method: 'GET',
      url: `/api/v1/teams?filter=${encodeURIComponent(JSON.stringify({ name: { contains: 'Filtered' } }))}`,
    });
    expect(list.json().data.map((x: { id: string }) => x.id)).toEqual([team.id]);
    const stale = await t.request(t.admin, { method: 'PATCH', url: `/api/v1/teams/${team.id}`, headers: { 'if-match': '"7"' }, payload: { name: 'Renamed' } });
    expect(stale.statusCode).toBe(412);
    const rep = await t.createUser({ role: 'Sales Rep' });
    expect((await t.request(rep, { method: 'POST', url: '/api/v1/teams', payload: { name: 'Rogue' } })).statusCode).toBe(403);
    expect((await t.request(rep, { method: 'DELETE', url: `/api/v1/teams/${team.id}` })).statusCode).toBe(403);
  });
});
