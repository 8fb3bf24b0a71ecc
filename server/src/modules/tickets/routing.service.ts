import type { PrepareOptions } from '#platform/records/object-definition.ts';
import { agentLoads, findRoutingQueue, setLastPick } from './routing.repo.ts';
import { pickAgent } from './routing.rules.ts';

/**
 * When a write sets the ticket's queue (a create, an agent's move or a workflow rule's field
 * update) and names no assignee, the queue routes it: one of its available members becomes the
 * assignee (so the owner), by the queue's method. A manual queue, or nobody available, leaves
 * the ticket unassigned in the queue.
 */
export async function routeToQueue(o: PrepareOptions): Promise<void> {
  const { tx, input, columns, existing } = o;
  const queueId = columns.queue_id as string | null | undefined;
  if (!queueId || queueId === existing?.queue_id || 'assigneeId' in input) return;
  const queue = await findRoutingQueue(tx, queueId);
  if (!queue) return;
  const merged = { ...existing, ...columns };
  const needs = [merged.category as string | null, ...((merged.tags as string[] | null) ?? [])].filter((x): x is string => !!x);
  const userId = pickAgent({
    queue,
    loads: await agentLoads(
      tx,
      queue.members.map((m) => m.userId),
    ),
    needs,
  });
  if (!userId) return;
  columns.assignee_id = userId;
  input.assigneeId = userId;
  await setLastPick(tx, queue.id, userId);
}
