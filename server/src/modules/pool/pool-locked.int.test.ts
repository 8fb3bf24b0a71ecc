import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseAvailable } from '#test/db.ts';
import { createCompany, createPoolWorld, type PoolWorld } from './pool.test-kit.ts';

type Locked = { id: string; name: string; owner: { id: string; name: string } | null };

describe.skipIf(!databaseAvailable)('the locked customers list', () => {
  let w: PoolWorld;
  beforeAll(async () => {
    w = await createPoolWorld();
  });
  afterAll(() => w?.close());

  const lock = (companyId: string, locked: boolean) =>
    w.t.request(w.manager, { method: 'PUT', url: `/api/v1/companies/${companyId}/pool-lock`, payload: { locked } });
  const listed = async (user = w.manager): Promise<Locked[]> => {
    const res = await w.t.request(user, { method: 'GET', url: '/api/v1/pools/locked' });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data;
  };

  it('lists what a manager locked, with the owner, until it is unlocked; only within the manager’s team', async () => {
    const { t, rep1, westRep } = w;
    const east = await createCompany(t, rep1, '宁波东港贸易');
    const other = await createCompany(t, rep1, 'Acme Harbour');
    const west = await createCompany(t, westRep, 'West Coast Ltd');
    for (const c of [east, other]) expect((await lock(c.id, true)).statusCode).toBe(200);
    const adminLock = await t.request(t.admin, { method: 'PUT', url: `/api/v1/companies/${west.id}/pool-lock`, payload: { locked: true } });
    expect(adminLock.statusCode, adminLock.body).toBe(200);

    expect(await listed()).toEqual([
      expect.objectContaining({ id: other.id, name: 'Acme Harbour', owner: { id: rep1.id, name: '李一' } }),
      expect.objectContaining({ id: east.id, name: '宁波东港贸易' }),
    ]);
    expect((await listed(t.admin)).map((c) => c.id)).toContain(west.id);

    expect((await lock(east.id, false)).statusCode).toBe(200);
    expect((await listed()).map((c) => c.id)).toEqual([other.id]);
  });

  it('is refused (403) to a rep, who may not lock or unlock either', async () => {
    const res = await w.t.request(w.rep1, { method: 'GET', url: '/api/v1/pools/locked' });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
