import { inTenant } from '#db/tx.ts';
import { ownerLimit, scopeOf } from '#platform/access/access.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import type { ObjectDefinition } from '#platform/records/object-definition.ts';
import { loadVisible, present, type Versioned } from '#platform/records/record-service.ts';
import { activityDefinition } from './activities.definition.ts';
import { activitiesErrors } from './activities.errors.ts';
import type { TActivity } from './activities.schema.ts';
import { activitiesByIds, changesByIds, timelinePage, userNames } from './timeline.repo.ts';
import type { TTimelineItem, TTimelineQuery, TTimelineResponse } from './timeline.schema.ts';

export type TimelineOptions = {
  deps: Deps;
  ctx: RequestContext;
  /** The record's definition (from the object registry). */
  def: ObjectDefinition<Versioned>;
  id: string;
  query: TTimelineQuery;
};

const encode = (at: string, id: string) => Buffer.from(JSON.stringify([at, id])).toString('base64url');

function decode(raw: string): { at: string; id: string } {
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && !Number.isNaN(Date.parse(String(value[0]))) && /^[0-9a-f-]{36}$/i.test(String(value[1]))) {
      return { at: String(value[0]), id: String(value[1]) };
    }
  } catch {}
  throw activitiesErrors.badCursor();
}

const OWNER_FIELDS = ['ownerId', 'owner_id'];

/** The user ids an owner change points at (assignment, claims, edits of the owner). */
function ownerIdsOf(changes: { changes: Record<string, { from: unknown; to: unknown }> }[]): string[] {
  const ids = changes.flatMap((c) => OWNER_FIELDS.flatMap((f) => [c.changes[f]?.from, c.changes[f]?.to]));
  return [...new Set(ids.filter((v): v is string => typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v)))];
}

/**
 * The timeline of a contact, company or lead: its activities (for a company, its people's too)
 * the user may read, and its field history from the audit log, newest first.
 */
export async function timeline(o: TimelineOptions): Promise<TTimelineResponse> {
  const { deps, ctx, query } = o;
  const after = query.cursor ? decode(query.cursor) : null;
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    await loadVisible({ tx, ctx, def: o.def, id: o.id, action: 'read' });
    const scope = scopeOf(ctx.access, 'activity', 'read');
    const keys = await timelinePage(tx, {
      object: o.def.object,
      id: o.id,
      activityOwners: scope === 'none' ? undefined : ownerLimit(ctx.access, scope),
      after,
      limit: query.limit,
    });
    const page = keys.slice(0, query.limit);
    const activities = await activitiesByIds(
      tx,
      page.filter((k) => k.kind === 'activity').map((k) => k.id),
    );
    const presented = new Map((await present({ tx, deps, ctx, def: activityDefinition, rows: activities })).map((a) => [a.id, a as TActivity]));
    const changes = new Map(
      (
        await changesByIds(
          tx,
          page.filter((k) => k.kind === 'change').map((k) => k.id),
        )
      ).map((c) => [c.id, c]),
    );
    const names = await userNames(tx, ownerIdsOf([...changes.values()]));
    const data = page.flatMap((k): TTimelineItem[] => {
      const at = k.at.toISOString();
      if (k.kind === 'activity') {
        const activity = presented.get(k.id);
        return activity ? [{ kind: 'activity', at, activity }] : [];
      }
      const c = changes.get(k.id);
      if (!c) return [];
      const named = Object.fromEntries(ownerIdsOf([c]).flatMap((id) => (names.has(id) ? [[id, names.get(id) as string]] : [])));
      const source = c.import_id ? { import: { id: c.import_id, fileName: c.file_name ?? '' } } : {};
      return [{ kind: 'change', at, action: c.action, actorId: c.actor_id, actorName: c.actor_name, changes: c.changes, userNames: named, ...source }];
    });
    const last = page.at(-1);
    return { data, nextCursor: keys.length > query.limit && last ? encode(last.at_text, last.id) : null };
  });
}
