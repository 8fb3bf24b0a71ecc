import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import type { TCreateWorkflowRuleRequest } from './workflows.schema.ts';
import { createRule } from './workflows.service.ts';

/**
 * Demo rules (switched on), so a new user sees rules fire: they start on changes and moments,
 * not on creation, so loading the demo data itself fires none of them.
 */
const DEMO_RULES: TCreateWorkflowRuleRequest[] = [
  {
    name: '大额商机推进：准备谈判材料',
    description: '金额 ≥ 100 万的商机换阶段时，给负责人建任务并通知。',
    object: 'deal',
    enabled: true,
    trigger: { type: 'stage_changed' },
    conditions: { and: [{ amount: { gte: 1000000 } }, { status: { eq: 'open' } }] },
    actions: [
      { type: 'create_task', subject: '准备「{{name}}」的谈判材料', dueInDays: 2, assigneeId: null },
      { type: 'notify', recipients: ['owner'], title: '大额商机「{{name}}」进入新阶段', body: null },
    ],
  },
  {
    name: 'New customers get a welcome tag',
    description: 'When a contact becomes a customer, tag it and schedule a welcome call.',
    object: 'contact',
    enabled: true,
    trigger: { type: 'updated', field: 'lifecycleStage', to: 'customer' },
    conditions: null,
    actions: [
      { type: 'add_tags', field: 'tags', tags: ['新客户'] },
      { type: 'create_task', subject: 'Welcome call: {{name}}', dueInDays: 1, assigneeId: null },
    ],
  },
  {
    name: '预计成交前 7 天提醒',
    description: '每个未关闭商机在预计成交日前 7 天 09:00 提醒负责人。',
    object: 'deal',
    enabled: true,
    trigger: { type: 'date', field: 'expectedCloseDate', offsetDays: -7, time: '09:00' },
    conditions: { status: { eq: 'open' } },
    actions: [{ type: 'create_task', subject: '「{{name}}」7 天后预计成交，请确认进展', dueInDays: 0, assigneeId: null }],
  },
];

/** Adds the demo rules as the admin (their owner); returns how many. */
export async function seedDemoRules(o: { deps: Deps; ctx: RequestContext }): Promise<number> {
  for (const rule of DEMO_RULES) await createRule({ deps: o.deps, ctx: o.ctx, input: rule });
  return DEMO_RULES.length;
}
