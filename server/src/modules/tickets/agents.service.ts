import { z } from 'zod';
import { inTenant, inTenantRead } from '#db/tx.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { notFound } from '#platform/errors/app-error.ts';
import { activeUserIds } from './ticket-messages.repo.ts';
import { listAgents, setAvailability } from './routing.repo.ts';
import { ticketsErrors } from './tickets.errors.ts';

export const ZTicketAgent = z.object({ userId: z.string(), name: z.string(), available: z.boolean(), openTickets: z.number() });
export type TTicketAgent = z.infer<typeof ZTicketAgent>;
export const ZAvailabilityRequest = z.object({ available: z.boolean() }).strict();

/** Every active user as a service agent: whether queues may route to them, and their open tickets. */
export async function agents(o: { deps: Deps; ctx: RequestContext }): Promise<TTicketAgent[]> {
  return inTenantRead(o.deps.db.kysely, o.ctx.tenantId, async (tx) =>
    (await listAgents(tx)).map((r) => ({ userId: r.user_id, name: r.name, available: r.available, openTickets: r.open })),
  );
}

/** An agent marks themself available or away from queue routing; an admin may mark anyone. */
export async function markAvailable(o: { deps: Deps; ctx: RequestContext; userId: string; available: boolean }): Promise<TTicketAgent[]> {
  if (o.userId !== o.ctx.userId && !o.ctx.access.isAdmin) throw ticketsErrors.notYourAvailability();
  await inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    if (!(await activeUserIds(tx, [o.userId])).length) throw notFound('user');
    await setAvailability(tx, { tenantId: o.ctx.tenantId, userId: o.userId, available: o.available });
  });
  return agents(o);
}
