import type { Subscriber } from '#platform/events/subscribers.ts';
import type { ObjectRegistry } from '#platform/objects/object-registry.ts';
import { linksOf, markOwnedSince, markWon } from './moves.repo.ts';
import { poolTargets } from './pool-targets.definition.ts';

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
const obj = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * `deal.won` -> `last_won_at` of the deal's customer: its company, and its contact when that
 * contact is pooled on its own (a B2C customer, no company). The "no won deal in M days" rule
 * and the won exemption read it. The deal's links come from the event (deals' stage events
 * carry companyId) or, when missing there, from the deal row.
 */
export function dealWonSubscriber(objects: ObjectRegistry): Subscriber {
  return {
    name: 'pool.deal-won',
    events: ['deal.won'],
    handle: async (event, tx) => {
      const deal = objects.byName('deal')?.definition;
      const refs = Object.entries(deal?.references ?? {});
      const links = poolTargets(objects).flatMap((target) => {
        const column = refs.find(([, table]) => table === target.table)?.[0];
        return column ? [{ target, column }] : [];
      });
      const missing = links.filter((l) => !str(event.payload[camel(l.column)])).map((l) => l.column);
      const row = missing.length && deal && event.objectId ? await linksOf(tx, { table: deal.table, id: event.objectId, columns: missing }) : undefined;
      const wonAt = str(event.payload.wonAt);
      for (const { target, column } of links) {
        const recordId = str(event.payload[camel(column)]) ?? str(row?.[column]);
        if (recordId) await markWon(tx, { tenantId: event.tenantId, target, recordId, at: wonAt ? new Date(wonAt) : event.createdAt });
      }
    },
  };
}

/** A transfer in the record (ownerId changed to someone) gives the new owner a fresh clock. */
export function ownerChangeSubscriber(objects: ObjectRegistry): Subscriber {
  const targets = poolTargets(objects);
  return {
    name: 'pool.owner-changed',
    events: targets.map((t) => `${t.object}.updated`),
    handle: async (event, tx) => {
      const target = targets.find((t) => `${t.object}.updated` === event.type);
      const change = obj(obj(event.payload.changes).ownerId);
      if (!target || !event.objectId || !str(change.to)) return;
      await markOwnedSince(tx, { tenantId: event.tenantId, target, recordId: event.objectId, at: event.createdAt });
    },
  };
}

/** An import batch (#21) that gave records a new owner: each gets a fresh clock, as an edit would. */
export function importedOwnerSubscriber(objects: ObjectRegistry): Subscriber {
  const targets = poolTargets(objects);
  return {
    name: 'pool.import-owner-changed',
    events: ['import.batch_committed'],
    handle: async (event, tx) => {
      const p = event.payload as { records?: Record<string, { updated?: string[] }>; changes?: Record<string, unknown> };
      for (const target of targets)
        for (const recordId of p.records?.[target.object]?.updated ?? []) {
          const change = obj(obj(p.changes?.[recordId]).ownerId);
          if (str(change.to)) await markOwnedSince(tx, { tenantId: event.tenantId, target, recordId, at: event.createdAt });
        }
    },
  };
}
