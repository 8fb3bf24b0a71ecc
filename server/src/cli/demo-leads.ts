import { inTenant } from '#db/tx.ts';
import { leadDefinition } from '#modules/leads/index.ts';
import { rescoreLead, seedDemoScoring } from '#modules/scoring/index.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { newId } from '#platform/ids.ts';
import { createRecord } from '#platform/records/record-service.ts';

type DemoLead = {
  name: string;
  companyName?: string;
  title?: string;
  phone?: string;
  email?: string;
  industry?: string;
  region?: string;
  city?: string;
  companySize?: '1-9' | '10-49' | '50-199' | '200-499' | '500-999' | '1000+';
  source: string;
  status: 'new' | 'contacted' | 'nurturing' | 'qualified' | 'unqualified';
  unqualifiedReason?: string;
  /** Logged against the lead, so its timeline and score have something to show. */
  activity?: { type: 'note' | 'call' | 'meeting'; subject: string; daysAgo: number };
};

/** Bilingual demo leads across statuses and sources. */
export const DEMO_LEADS: DemoLead[] = [
  {
    name: '林晓峰',
    companyName: '厦门蓝海科技',
    title: '信息部经理',
    phone: '13805921234',
    email: 'lin.xf@lanhai.example.cn',
    industry: '软件',
    region: '华南',
    city: '厦门',
    companySize: '50-199',
    source: 'website',
    status: 'new',
  },
  {
    name: '何静',
    companyName: '南京中和医药',
    title: '采购总监',
    phone: '13951234567',
    email: 'he.jing@zhonghe.example.cn',
    industry: '医药',
    region: '华东',
    city: '南京',
    companySize: '500-999',
    source: 'event',
    status: 'contacted',
    activity: { type: 'call', subject: '展会后回访电话', daysAgo: 2 },
  },
  {
    name: '马骏',
    companyName: '武汉长江建材',
    title: '总经理',
    phone: '13707151234',
    industry: '制造',
    region: '华中',
    city: '武汉',
    companySize: '200-499',
    source: 'referral',
    status: 'qualified',
    activity: { type: 'meeting', subject: '需求调研会议', daysAgo: 5 },
  },
  { name: '许文', companyName: '西安古城文旅', email: 'xu.wen@gucheng.example.cn', region: '西北', city: '西安', source: 'wechat', status: 'nurturing' },
  {
    name: '郭强',
    companyName: '天津港联物流',
    phone: '13602201234',
    source: 'cold_call',
    status: 'unqualified',
    unqualifiedReason: '仅需要一次性咨询，无软件预算',
  },
  {
    name: 'James Carter',
    companyName: 'Maple Leaf Outfitters',
    title: 'Operations Director',
    phone: '+1 416 555 0175',
    email: 'james.carter@mapleleaf.example.com',
    industry: 'Retail',
    region: 'North America',
    city: 'Toronto',
    companySize: '200-499',
    source: 'web_form',
    status: 'qualified',
    activity: { type: 'meeting', subject: 'Discovery meeting', daysAgo: 3 },
  },
  {
    name: 'Sophie Martin',
    companyName: 'Lumière Cosmetics',
    title: 'Head of E-commerce',
    email: 'sophie.martin@lumiere.example.com',
    industry: 'Retail',
    region: 'Europe',
    city: 'Paris',
    companySize: '50-199',
    source: 'ads',
    status: 'contacted',
    activity: { type: 'note', subject: 'Asked for a pricing sheet', daysAgo: 1 },
  },
  {
    name: 'Raj Patel',
    companyName: 'Indus Software',
    email: 'raj.patel@indus.example.com',
    city: 'Bangalore',
    companySize: '1000+',
    source: 'referral',
    status: 'new',
  },
  { name: 'Emily Chen', email: 'emily.chen@example.com', city: 'Singapore', source: 'website', status: 'nurturing' },
];

/**
 * Creates the demo leads through the record service (audit and events as in the app), logs a
 * note, call or meeting on some, and scores them all under the demo scoring rules. Skipped when the tenant already has leads.
 */
export async function seedDemoLeads(o: { deps: Deps; ctx: RequestContext; owners: string[] }): Promise<number> {
  const { deps, ctx } = o;
  const existing = await inTenant(deps.db.kysely, ctx.tenantId, (tx) => tx.selectFrom('leads').select('id').limit(1).executeTakeFirst());
  if (existing) return 0;
  await seedDemoScoring({ deps, ctx });
  const ids: string[] = [];
  for (const [i, l] of DEMO_LEADS.entries()) {
    const { phone, email, activity: _a, ...fields } = l;
    const lead = await createRecord({
      deps,
      ctx,
      def: leadDefinition,
      input: {
        ...fields,
        ...(phone ? { phones: [{ label: 'mobile', number: phone }] } : {}),
        ...(email ? { emails: [{ label: 'work', address: email }] } : {}),
        ownerId: o.owners[i % o.owners.length],
      },
    });
    ids.push(lead.id);
  }
  await inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    for (const [i, l] of DEMO_LEADS.entries()) {
      const leadId = ids[i] as string;
      if (l.activity) {
        const at = new Date(Date.now() - l.activity.daysAgo * 86_400_000);
        const activityId = newId();
        await tx
          .insertInto('activities')
          .values({
            tenant_id: ctx.tenantId,
            id: activityId,
            type: l.activity.type,
            subject: l.activity.subject,
            lead_id: leadId,
            owner_id: o.owners[i % o.owners.length] ?? null,
            occurred_at: at,
            ...(l.activity.type === 'meeting' ? { starts_at: at, ends_at: new Date(at.getTime() + 3_600_000) } : {}),
            created_by: ctx.userId,
          })
          .execute();
        // What the scoring subscriber records for a held call or meeting (same key, so a replay changes nothing).
        const engagement = { meeting: 'meeting_held', call: 'call_held', note: null }[l.activity.type];
        if (engagement)
          await tx
            .insertInto('lead_engagements')
            .values({
              tenant_id: ctx.tenantId,
              id: newId(),
              lead_id: leadId,
              type: engagement,
              occurred_at: at,
              source: 'activity',
              source_key: `activity:${activityId}`,
            })
            .execute();
      }
      await rescoreLead(tx, { tenantId: ctx.tenantId, leadId, requestId: 'seed' });
    }
  });
  return ids.length;
}
