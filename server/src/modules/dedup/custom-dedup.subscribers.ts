import type { Tx } from '#db/tx.ts';
import type { Deps } from '#platform/deps.ts';
import type { OutboxEvent, Subscriber } from '#platform/events/subscribers.ts';
import { tenantsWithCustomObjects } from '#platform/objects/custom-objects.repo.ts';
import { dedupTargets } from './dedup-objects.service.ts';
import { checkRecord, detectorFor } from './detector.service.ts';
import { recordsByIds } from './keys.repo.ts';
import { detectorSettings, loadSettings } from './settings.service.ts';

const VERBS = new Set(['created', 'updated', 'restored', 'deleted']);

/**
 * The check on save for a custom object's record, as standard objects get: its match keys (the
 * ones the scan uses, from the object's fields) are kept and a likely duplicate joins the review
 * queue. Custom objects' event names are the tenant's, so this listens to every event of the
 * tenants that have custom objects and keeps those of a custom object with the dedup capability.
 */
export async function onCustomRecordEvent(deps: Deps, event: OutboxEvent, tx: Tx): Promise<void> {
  const verb = event.type.slice(event.objectType.length + 1);
  if (!event.objectId || !event.type.startsWith(`${event.objectType}.`) || !VERBS.has(verb) || deps.objects.byName(event.objectType)) return;
  const target = (await dedupTargets({ deps, tx })).find((t) => t.name === event.objectType);
  if (!target) return;
  const [row] = await recordsByIds(tx, target.table, [event.objectId]);
  const d = await detectorFor({ deps, tx, tenantId: event.tenantId, object: target.name, settings: detectorSettings(await loadSettings(tx, target.name)) });
  await checkRecord({ d, row, recordId: event.objectId });
}

export const customDedupSubscriber = (deps: Deps): Subscriber => ({
  name: 'dedup-incremental-custom',
  events: ['*'],
  tenants: (tx) => tenantsWithCustomObjects(tx),
  handle: (event, tx) => onCustomRecordEvent(deps, event, tx),
});
