import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { recordChange } from '#platform/events/record-change.ts';
import { newId } from '#platform/ids.ts';
import { createRecord } from '#platform/records/record-service.ts';
import { inTenant } from '#db/tx.ts';
import { backdateDemoDeal } from './deals.demo.repo.ts';
import { dealDefinition } from './deals.definition.ts';
import type { LostReason } from './deals.schema.ts';
import { moveDeal } from './deals.service.ts';
import { insertRateRow, tenantBaseCurrency } from './exchange-rates.repo.ts';
import { listStageRows } from './pipelines.repo.ts';
import { ensureDefaultPipeline } from './pipelines.service.ts';

type Ref = { id: string; ownerId: string | null };
type DemoDeal = {
  name: string;
  company: number;
  stage: number;
  amount: string;
  currency?: string;
  closeInDays: number;
  lost?: LostReason;
  lostNote?: string;
  /** A closed deal from the past: it was open this many days before it closed `-closeInDays` days ago. */
  openDays?: number;
};

const DEMO_DEALS: DemoDeal[] = [
  { name: '星辰科技 年度 CRM 订阅', company: 0, stage: 3, amount: '186000', closeInDays: 20 },
  { name: '海纳贸易 渠道管理系统', company: 1, stage: 1, amount: '98000', closeInDays: 45 },
  { name: '云帆智能制造 MES 集成', company: 2, stage: 2, amount: '420000', closeInDays: 30 },
  { name: '青禾电商 客服坐席扩容', company: 3, stage: 0, amount: '36000', closeInDays: 60 },
  { name: '锦程物流 运输管理平台', company: 4, stage: 4, amount: '258000', closeInDays: -5 },
  { name: 'Northwind – Enterprise licences', company: 5, stage: 2, amount: '52000', currency: 'USD', closeInDays: 25 },
  { name: 'Contoso – Onboarding services', company: 6, stage: 3, amount: '18500', currency: 'EUR', closeInDays: -3 },
  { name: 'Fabrikam – Pilot project', company: 7, stage: 5, amount: '12000', currency: 'EUR', closeInDays: -10, lost: 'competitor' },
  // Closed in past months, so the win/loss, funnel and forecast reports have history.
  { name: '星辰科技 数据迁移服务', company: 0, stage: 4, amount: '68000', closeInDays: -150, openDays: 40 },
  { name: '云帆智能制造 二期扩容', company: 2, stage: 4, amount: '320000', closeInDays: -110, openDays: 60 },
  { name: '锦程物流 司机 App', company: 4, stage: 4, amount: '88000', closeInDays: -75, openDays: 35 },
  { name: 'Northwind – Support renewal', company: 5, stage: 4, amount: '24000', currency: 'USD', closeInDays: -45, openDays: 30 },
  { name: '海纳贸易 BI 报表', company: 1, stage: 4, amount: '56000', closeInDays: -20, openDays: 25 },
  { name: '青禾电商 小程序商城', company: 3, stage: 5, amount: '45000', closeInDays: -130, openDays: 30, lost: 'price', lostNote: '预算只有报价的一半' },
  {
    name: 'Contoso – Data platform',
    company: 6,
    stage: 5,
    amount: '75000',
    currency: 'EUR',
    closeInDays: -90,
    openDays: 50,
    lost: 'no_budget',
    lostNote: 'Budget frozen for the year',
  },
  { name: '星辰科技 呼叫中心', company: 0, stage: 5, amount: '120000', closeInDays: -50, openDays: 40, lost: 'timing', lostNote: '明年再议' },
  { name: 'Fabrikam – MES rollout', company: 7, stage: 5, amount: '60000', currency: 'EUR', closeInDays: -15, openDays: 20, lost: 'product_fit' },
  { name: '云帆智能制造 售后系统', company: 2, stage: 1, amount: '150000', closeInDays: 75 },
  { name: 'Northwind – Analytics add-on', company: 5, stage: 3, amount: '30000', currency: 'USD', closeInDays: 50 },
];

const RATES = [
  { currency: 'USD', rate: '7.1500' },
  { currency: 'EUR', rate: '7.7800' },
];

const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Bilingual deals across the default pipeline's stages (some won or lost months ago), with the rates they need. */
export async function seedDemoDeals(o: { deps: Deps; ctx: RequestContext; companies: Ref[]; contacts: (Ref & { companyId: string | null })[] }) {
  const stages = await inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const base = await tenantBaseCurrency(tx);
    for (const r of RATES.filter((x) => x.currency !== base)) {
      const row = await insertRateRow(tx, {
        tenant_id: o.ctx.tenantId,
        id: newId(),
        currency: r.currency,
        base_currency: base,
        rate: r.rate,
        effective_date: dayFromNow(-90),
        created_by: o.ctx.userId,
        updated_by: o.ctx.userId,
      });
      if (row)
        await recordChange(tx, o.ctx, { action: 'created', objectType: 'exchange_rate', objectId: row.id, after: { currency: r.currency, rate: r.rate } });
    }
    return listStageRows(tx, [(await ensureDefaultPipeline(tx, o.ctx)).id]);
  });
  let created = 0;
  for (const d of DEMO_DEALS) {
    const company = o.companies[d.company];
    const stage = stages[d.stage];
    if (!company || !stage) continue;
    const contact = o.contacts.find((c) => c.companyId === company.id);
    const deal = await createRecord({
      deps: o.deps,
      ctx: o.ctx,
      def: dealDefinition,
      input: {
        name: d.name,
        companyId: company.id,
        ...(contact ? { contactId: contact.id } : {}),
        amount: d.amount,
        ...(d.currency ? { currency: d.currency } : {}),
        expectedCloseDate: dayFromNow(d.closeInDays),
        ...(company.ownerId ? { ownerId: company.ownerId } : {}),
      },
    });
    // Walk the stages so the history and time in stage look like real work.
    for (const s of stages.slice(1, d.stage + 1)) {
      if (s.type === 'lost' && !d.lost) continue;
      if (s.type === 'won' && d.lost) continue;
      await moveDeal({
        deps: o.deps,
        ctx: o.ctx,
        id: deal.id,
        version: undefined,
        input: { stageId: s.id, ...(s.type === 'lost' ? { lostReason: d.lost, lostNote: d.lostNote ?? 'Chose a cheaper local vendor' } : {}) },
      });
    }
    if (d.openDays) {
      const closedAt = new Date(Date.now() + d.closeInDays * 86_400_000);
      const createdAt = new Date(closedAt.getTime() - d.openDays * 86_400_000);
      await inTenant(o.deps.db.kysely, o.ctx.tenantId, (tx) => backdateDemoDeal(tx, { dealId: deal.id, createdAt, closedAt }));
    }
    created += 1;
  }
  return created;
}
