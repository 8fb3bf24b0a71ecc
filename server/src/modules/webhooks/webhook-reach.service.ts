import type { Tx } from '#db/tx.ts';
import type { AccessProfile } from '#platform/access/access.ts';
import type { Deps } from '#platform/deps.ts';
import { definitionOf } from '#platform/objects/object-registry.ts';
import { filterFields, unreadableFields } from '#platform/records/field-access.ts';
import { objectsOf } from './event-types.definition.ts';

export type FilterOutOfReachOptions = {
  tx: Tx;
  deps: Deps;
  /** The object the filter is read on (an event's). */
  object: string | null;
  filter: Record<string, unknown> | null;
  /** The subscription owner's profile, or how to load it: loaded only when the filter names a masked field. */
  access: AccessProfile | (() => Promise<AccessProfile>);
};

/**
 * The fields of a saved filter its owner may no longer read on this object (a role changed since
 * it was saved). Saving refuses them; a delivery that would read one is skipped, not evaluated.
 */
export async function filterOutOfReach(o: FilterOutOfReachOptions): Promise<string[]> {
  if (!o.filter || !o.object) return [];
  const declaration = (await o.deps.objects.forTenant(o.tx)).find((d) => d.name === o.object);
  const def = declaration ? definitionOf(declaration) : undefined;
  if (!def) return [];
  return unreadableFields({ tx: o.tx, def, access: o.access, fields: filterFields(o.filter) });
}

export type SubscriptionOutOfReachOptions = Omit<FilterOutOfReachOptions, 'object'> & { events: readonly string[] };
/** The same over every object a subscription's events name: what its list and detail show as needing attention. */
export async function subscriptionOutOfReach(o: SubscriptionOutOfReachOptions): Promise<string[]> {
  const hidden = new Set<string>();
  for (const object of objectsOf(o.events) ?? []) for (const f of await filterOutOfReach({ ...o, object })) hidden.add(f);
  return [...hidden];
}
