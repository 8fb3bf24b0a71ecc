import { companyDefinition, contactDefinition } from '#modules/customers/index.ts';
import { inTenant } from '#db/tx.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { createRecord } from '#platform/records/record-service.ts';
import { returnToPool, setLock } from './moves.service.ts';
import { createPool } from './pools.service.ts';
import { poolNameTaken } from './pools.repo.ts';

const DEMO_POOL = {
  name: '公海 Public pool',
  description: '30 天未跟进或 90 天未成交的客户自动回收 / Customers without follow-up in 30 days or a won deal in 90 return here',
};

const DEMO_POOL_CUSTOMERS = [
  {
    name: '广州南风餐饮管理有限公司',
    industry: '餐饮',
    city: '广州',
    province: '广东',
    contact: { familyName: '郑', givenName: '浩' },
    reason: '客户暂无采购计划',
  },
  {
    name: 'Blue Harbor Foods',
    industry: 'Food',
    city: 'Sydney',
    province: 'NSW',
    contact: { familyName: 'Taylor', givenName: 'Chloe' },
    reason: 'No budget this year',
  },
  { name: '苏州锦绣纺织', industry: '纺织', city: '苏州', province: '江苏', contact: { familyName: '徐', givenName: '静' }, reason: '联系人离职' },
];

/**
 * The demo's public pool (公海) with recycling rules, and a few customers a rep released into it,
 * unowned and waiting to be claimed; and a key account locked against recycling. Skipped when the pool already exists, so a second run adds nothing.
 */
export async function seedDemoPool(o: { deps: Deps; ctx: RequestContext; ownerId: string; lockCompanyId?: string }): Promise<number> {
  if (await inTenant(o.deps.db.kysely, o.ctx.tenantId, (tx) => poolNameTaken(tx, DEMO_POOL.name, null))) return 0;
  const pool = await createPool({
    deps: o.deps,
    ctx: o.ctx,
    input: {
      ...DEMO_POOL,
      object: 'company',
      position: 0,
      teamIds: [],
      recycleEnabled: true,
      followupDays: 30,
      dealDays: 90,
      remindDays: 3,
      maxHeld: 50,
      maxClaimsPerDay: 5,
      reclaimCooldownDays: 7,
    },
  });
  for (const c of DEMO_POOL_CUSTOMERS) {
    const company = await createRecord({
      deps: o.deps,
      ctx: o.ctx,
      def: companyDefinition,
      input: { name: c.name, industry: c.industry, address: { city: c.city, province: c.province }, lifecycleStage: 'lead', ownerId: o.ownerId },
    });
    await createRecord({ deps: o.deps, ctx: o.ctx, def: contactDefinition, input: { ...c.contact, companyId: company.id, ownerId: o.ownerId } });
    await returnToPool({ deps: o.deps, ctx: o.ctx, object: 'company', recordId: company.id, poolId: pool.id, reason: c.reason });
  }
  if (o.lockCompanyId) await setLock({ deps: o.deps, ctx: o.ctx, object: 'company', recordId: o.lockCompanyId, locked: true });
  return DEMO_POOL_CUSTOMERS.length;
}
