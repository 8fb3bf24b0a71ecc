import { sql } from 'kysely';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { createRecord } from '#platform/records/record-service.ts';
import { inTenant } from '#db/tx.ts';
import { signContract, submitContract } from './contract-status.service.ts';
import { contractDefinition, instalmentDefinition, paymentDefinition } from './contracts.definition.ts';

const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

type Plan = { dueIn: number; amount: string; paid?: { amount: string; ago: number; reference: string }[] };
type DemoContract = { name: string; party: string; amount: string; startedAgo: number; endsIn: number; plan: Plan[] };

const CONTRACTS: DemoContract[] = [
  {
    name: '年度 CRM 订阅合同 Annual CRM subscription',
    party: '星辰科技（北京）有限公司',
    amount: '120000.00',
    startedAgo: 330,
    endsIn: 35,
    plan: [
      { dueIn: -300, amount: '60000.00', paid: [{ amount: '60000.00', ago: 298, reference: 'ICBC-20260112-0087' }] },
      { dueIn: -45, amount: '60000.00', paid: [{ amount: '20000.00', ago: 40, reference: 'ICBC-20261023-0311' }] },
    ],
  },
  {
    name: 'MES 集成项目合同 MES integration project',
    party: '云帆智能制造股份有限公司',
    amount: '356000.00',
    startedAgo: 20,
    endsIn: 345,
    plan: [
      { dueIn: -10, amount: '106800.00', paid: [{ amount: '106800.00', ago: 12, reference: 'CMB-20261125-1024' }] },
      { dueIn: 60, amount: '142400.00' },
      { dueIn: 150, amount: '106800.00' },
    ],
  },
];

/**
 * Contracts on the first demo companies, signed and running, with payment plans and payments:
 * one instalment overdue and partly paid, one paid, some not yet due (the receivables report and
 * the customer's totals have something to show).
 */
export async function seedDemoContracts(o: { deps: Deps; ctx: RequestContext }): Promise<number> {
  const companies = await inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const { rows } = await sql<{ id: string; owner_id: string | null }>`
      select id, owner_id from companies where deleted_at is null and owner_id is not null order by created_at, id limit ${CONTRACTS.length}`.execute(tx);
    return rows;
  });
  let created = 0;
  for (const [i, c] of CONTRACTS.entries()) {
    const company = companies[i];
    if (!company) break;
    const contract = await createRecord({
      deps: o.deps,
      ctx: o.ctx,
      def: contractDefinition,
      input: {
        name: c.name,
        companyId: company.id,
        ownerId: company.owner_id,
        signingParty: c.party,
        amount: c.amount,
        currency: 'CNY',
        startsOn: day(-c.startedAgo),
        endsOn: day(c.endsIn),
      },
    });
    for (const p of c.plan) {
      const instalment = await createRecord({
        deps: o.deps,
        ctx: o.ctx,
        def: instalmentDefinition,
        input: { contractId: contract.id, dueOn: day(p.dueIn), amount: p.amount },
      });
      for (const pay of p.paid ?? [])
        await createRecord({
          deps: o.deps,
          ctx: o.ctx,
          def: paymentDefinition,
          input: { instalmentId: instalment.id, receivedOn: day(-pay.ago), amount: pay.amount, method: 'bank_transfer', bankReference: pay.reference },
        });
    }
    const submitted = await submitContract({ deps: o.deps, ctx: o.ctx, id: contract.id });
    if (submitted.contract.status === 'signed') await signContract({ deps: o.deps, ctx: o.ctx, id: contract.id, signedOn: day(-c.startedAgo - 3) });
    created++;
  }
  return created;
}
