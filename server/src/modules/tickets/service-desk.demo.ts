import { inTenantRead } from '#db/tx.ts';
import { listCalendars } from '#platform/calendars/calendars.repo.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { createRecord } from '#platform/records/record-service.ts';
import { macroDefinition } from './macros.definition.ts';
import { queueDefinition } from './queues.definition.ts';
import { slaPolicyDefinition } from './sla-policies.definition.ts';

export type DemoDesk = { queues: Record<'support' | 'billing', string>; slaPolicyId: string; macros: number };

export type SeedDemoDeskOptions = { deps: Deps; ctx: RequestContext; agents: string[] };

/**
 * The service desk set up as a small company would: two queues with members and skills, two
 * macros (a thank-you that resolves, a request for details that waits on the customer) and one SLA
 * policy on the tenant's default business calendar (China's holidays and 调休 working days).
 */
export async function seedDemoDesk({ deps, ctx, agents }: SeedDemoDeskOptions): Promise<DemoDesk> {
  const queue = (input: Record<string, unknown>) => createRecord({ deps, ctx, def: queueDefinition, input });
  const macro = (input: Record<string, unknown>) => createRecord({ deps, ctx, def: macroDefinition, input });
  const agent = (i: number) => agents[i % Math.max(agents.length, 1)] ?? ctx.userId;
  const member = (i: number, skills: string[]) => ({ userId: agent(i), skills });
  const support = await queue({
    name: '售后支持 Support',
    description: '产品使用与技术问题 / product and technical questions',
    method: 'skill_match',
    members: [member(1, ['技术支持', 'How-to']), member(2, ['Account', 'How-to'])],
    active: true,
  });
  const billing = await queue({
    name: '账务 Billing',
    description: '发票、合同与付款 / invoices, contracts and payments',
    method: 'round_robin',
    members: [member(0, ['账务']), member(1, ['账务'])],
    active: true,
  });
  await macro({
    name: '已解决，感谢 / Resolved, thanks',
    kind: 'reply',
    body: '{{contact.name}} 您好，工单 {{record.number}} 已处理完毕，如仍有问题请直接回复本邮件。\n\nHello {{contact.name}}, ticket {{record.number}} is resolved; just reply if anything is still wrong.',
    setStatus: 'resolved',
    active: true,
  });
  await macro({
    name: '需要更多信息 / Need more details',
    kind: 'reply',
    body: '{{contact.name}} 您好，为了尽快处理，请提供截图和发生时间。\n\nHello {{contact.name}}, to help quickly, please send a screenshot and when it happened.',
    setStatus: 'waiting_customer',
    active: true,
  });
  const calendar = (await inTenantRead(deps.db.kysely, ctx.tenantId, listCalendars)).find((c) => c.isDefault);
  const policy = await createRecord({
    deps,
    ctx,
    def: slaPolicyDefinition,
    input: {
      name: '标准服务 Standard',
      firstResponseMinutes: 4 * 60,
      resolutionMinutes: 3 * 9 * 60,
      warnBeforeMinutes: 60,
      calendarId: calendar?.id ?? null,
      escalateToManager: true,
      escalatePriority: true,
      active: true,
    },
  });
  return { queues: { support: support.id, billing: billing.id }, slaPolicyId: policy.id, macros: 2 };
}
