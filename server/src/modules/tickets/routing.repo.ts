import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import type { AgentLoad, QueueMember, RoutingMethod, RoutingQueue } from './routing.rules.ts';

/** A live, active queue with its members. */
export async function findRoutingQueue(tx: Tx, id: string): Promise<RoutingQueue | undefined> {
  const row = await tx
    .selectFrom('ticket_queues')
    .select(['id', 'method', 'members', 'last_user_id'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .where('active', '=', true)
    .executeTakeFirst();
  return row && { id: row.id, method: row.method as RoutingMethod, members: (row.members ?? []) as QueueMember[], lastUserId: row.last_user_id };
}

/**
 * Per user: available (active, and not marked unavailable: an agent without a row is available)
 * and their open tickets (not resolved, closed or deleted).
 */
export async function agentLoads(tx: Tx, userIds: string[]): Promise<Map<string, AgentLoad>> {
  if (!userIds.length) return new Map();
  const { rows } = await sql<{ id: string; available: boolean; open: number }>`
    select u.id, u.is_active and coalesce(a.available, true) as available,
      (select count(*)::int from tickets t where t.assignee_id = u.id and t.deleted_at is null
        and t.status not in ('resolved', 'closed')) as open
    from users u left join ticket_agents a on a.tenant_id = u.tenant_id and a.user_id = u.id
    where u.id = any(${sql`cast(${userIds} as uuid[])`})`.execute(tx);
  return new Map(rows.map((r) => [r.id, { available: r.available, openTickets: r.open }]));
}

export async function setLastPick(tx: Tx, queueId: string, userId: string): Promise<void> {
  await tx.updateTable('ticket_queues').set({ last_user_id: userId }).where('id', '=', queueId).execute();
}

export type AgentRow = { user_id: string; name: string; available: boolean; open: number };

/** Every active user with their availability and open tickets, by name. */
export async function listAgents(tx: Tx): Promise<AgentRow[]> {
  const { rows } = await sql<AgentRow>`
    select u.id as user_id, u.name, coalesce(a.available, true) as available,
      (select count(*)::int from tickets t where t.assignee_id = u.id and t.deleted_at is null and t.status not in ('resolved', 'closed')) as open
    from users u left join ticket_agents a on a.tenant_id = u.tenant_id and a.user_id = u.id
    where u.is_active order by u.name, u.id`.execute(tx);
  return rows;
}

export async function setAvailability(tx: Tx, o: { tenantId: string; userId: string; available: boolean }): Promise<void> {
  await sql`insert into ticket_agents (tenant_id, user_id, available, updated_at) values (${o.tenantId}, ${o.userId}, ${o.available}, now())
    on conflict (tenant_id, user_id) do update set available = excluded.available, updated_at = now()`.execute(tx);
}
