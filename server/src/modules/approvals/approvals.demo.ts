import { inTenant } from '#db/tx.ts';
import type { Deps } from '#platform/deps.ts';
import { newId } from '#platform/ids.ts';
import { adminRoleId } from './approvers.repo.ts';
import type { TStep } from './approvals.schema.ts';
import { insertProcess, listProcesses } from './processes.repo.ts';

/**
 * The demo's approval process: a deal over 1,000,000 goes to its owner's manager (the demo team's
 * Sales Manager, made its manager here), then to an administrator (the director) when over
 * 3,000,000. Left alone when the tenant has processes.
 */
export async function seedDemoApprovals(o: { deps: Pick<Deps, 'db'>; tenantId: string; adminId: string }): Promise<number> {
  return inTenant(o.deps.db.kysely, o.tenantId, async (tx) => {
    if ((await listProcesses(tx)).length) return 0;
    const adminRole = await adminRoleId(tx);
    const steps: TStep[] = [
      {
        name: '销售经理审批 Manager',
        approvers: [{ type: 'manager', level: 1 }],
        mode: 'any',
        criteria: null,
        timeoutHours: 24,
        onTimeout: 'escalate',
        calendarId: null,
      },
      {
        name: '总监审批 Director',
        approvers: adminRole ? [{ type: 'role', roleId: adminRole }] : [{ type: 'user', userId: o.adminId }],
        mode: 'any',
        criteria: { amount: { gt: 3000000 } },
        timeoutHours: 48,
        onTimeout: 'remind',
        calendarId: null,
      },
    ];
    await insertProcess(tx, {
      tenant_id: o.tenantId,
      id: newId(),
      object: 'deal',
      name: '大额商机审批 Large deal approval',
      description: '金额超过 1,000,000 的商机需经理审批，超过 3,000,000 还需总监审批。Deals over 1,000,000 need the manager; over 3,000,000 also the director.',
      criteria: JSON.stringify({ amount: { gt: 1000000 } }),
      steps: JSON.stringify(steps),
      on_approved: JSON.stringify({ fieldUpdates: [], notify: ['submitter', 'owner'] }),
      on_rejected: JSON.stringify({ fieldUpdates: [], notify: ['submitter', 'owner'] }),
      enabled: true,
      position: 0,
      created_by: o.adminId,
      updated_by: o.adminId,
    });
    return 1;
  });
}
