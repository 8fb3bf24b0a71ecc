import { createDealInTx } from '#modules/deals/index.ts';
import { insertSystemTasks } from '#modules/activities/index.ts';
import { notify } from '#modules/notifications/index.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { calendarDay } from '#platform/objects/fields.ts';
import { findRecord } from '#platform/records/records.repo.ts';
import { inSystem, inTenant } from '#db/tx.ts';
import { money, openAmount } from './contract-money.rules.ts';
import { transition } from './contract-status.service.ts';
import { contractDefinition } from './contracts.definition.ts';
import * as repo from './contracts.repo.ts';

export const CONTRACTS_DAILY_JOB = 'contracts.daily';
/** Renewal starts this many days before a contract ends. */
export const RENEWAL_DAYS = 30;

const systemCtx = (tenantId: string): RequestContext => ({
  tenantId,
  userId: null,
  requestId: CONTRACTS_DAILY_JOB,
  ip: null,
  locale: 'zh-CN',
  access: { userId: null, isAdmin: true, permissions: {}, fields: {}, teamUserIds: [] },
});

export type ContractsDailyResult = { activated: number; expired: number; renewals: number; overdue: number };

/**
 * The contracts module's daily run (a durable cron job; a missed day is caught by the next):
 * signed -> active when the term begins, active -> expired when it ends, a renewal deal and task
 * for the owner 30 days before the end (once: `renewal_deal_id`), and open instalments past
 * their due day marked overdue with a notification to the owner and their team's manager. Each
 * tenant's days are its own time zone's (tenant settings): an instalment due on the 7th is
 * overdue from midnight between the 7th and 8th in Shanghai, not from 08:00 there (UTC's midnight).
 */
export async function runContractsDaily(o: { deps: Deps; now?: Date }): Promise<ContractsDailyResult> {
  const now = o.now ?? new Date();
  const result: ContractsDailyResult = { activated: 0, expired: 0, renewals: 0, overdue: 0 };
  const { activate, expire, renew } = await inSystem(o.deps.db.kysely, (tx) => repo.contractsToMove(tx, { now, renewDays: RENEWAL_DAYS }));
  const move = (c: { id: string; tenant_id: string }, from: string[], status: string) =>
    inTenant(o.deps.db.kysely, c.tenant_id, async (tx) => {
      const row = await findRecord(tx, 'contracts', c.id);
      if (!row || row.deleted_at || !from.includes(String(row.status))) return false;
      await transition(tx, { deps: o.deps, ctx: systemCtx(c.tenant_id), def: contractDefinition, row, to: { status } });
      return true;
    });
  for (const c of activate) if (await move(c, ['signed'], 'active')) result.activated++;
  for (const c of expire) if (await move(c, ['signed', 'active'], 'expired')) result.expired++;
  for (const c of renew) {
    const done = await inTenant(o.deps.db.kysely, c.tenant_id, async (tx) => {
      const row = await findRecord(tx, 'contracts', c.id);
      if (!row || row.deleted_at || row.renewal_deal_id || !row.owner_id) return false;
      const ctx = systemCtx(c.tenant_id);
      const endsOn = calendarDay(row.ends_on) ?? now.toISOString().slice(0, 10);
      const deal = await createDealInTx({
        deps: o.deps,
        ctx,
        tx,
        input: {
          name: `续约 Renewal: ${row.name}`.slice(0, 200),
          ownerId: row.owner_id,
          amount: String(row.amount),
          currency: String(row.currency),
          ...(row.company_id ? { companyId: String(row.company_id) } : {}),
          ...(row.contact_id ? { contactId: String(row.contact_id) } : {}),
          expectedCloseDate: endsOn,
        } as Parameters<typeof createDealInTx>[0]['input'],
      });
      await insertSystemTasks(tx, {
        tenantId: c.tenant_id,
        tasks: [
          {
            ownerId: row.owner_id,
            companyId: (row.company_id as string | null) ?? null,
            contactId: (row.contact_id as string | null) ?? null,
            subject: `合同续约 Renew contract ${row.number} (${endsOn})`,
            dueAt: new Date(`${endsOn}T01:00:00Z`),
          },
        ],
      });
      await transition(tx, { deps: o.deps, ctx, def: contractDefinition, row, to: { renewal_deal_id: deal.id } });
      return true;
    });
    if (done) result.renewals++;
  }
  const overdue = await inSystem(o.deps.db.kysely, (tx) => repo.newlyOverdue(tx, now));
  const byTenant = new Map<string, repo.OverdueInstalment[]>();
  for (const i of overdue) byTenant.set(i.tenant_id, [...(byTenant.get(i.tenant_id) ?? []), i]);
  for (const [tenantId, items] of byTenant)
    await inTenant(o.deps.db.kysely, tenantId, async (tx) => {
      await repo.markOverdue(tx, { ids: items.map((i) => i.id), today: items[0]?.today ?? now.toISOString().slice(0, 10) });
      for (const i of items) {
        const open = money(openAmount({ amount: i.amount, paid: i.paid_amount }));
        await notify({
          tx,
          tenantId,
          userIds: [i.owner_id, i.manager_id],
          kind: 'system',
          title: { zh: `回款逾期：${i.name}`, en: `Payment overdue: ${i.name}` },
          body: { zh: `应于 ${i.due_on} 回款，未收 ${open} ${i.currency}`, en: `Due ${i.due_on}; ${open} ${i.currency} still open` },
          link: { object: 'instalment', id: i.id },
          dedupeKey: `instalment-overdue:${i.id}`,
        });
      }
      result.overdue += items.length;
    });
  return result;
}
