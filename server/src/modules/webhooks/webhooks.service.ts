import { sql } from 'kysely';
import { inTenant, type Tx } from '#db/tx.ts';
import { writeAudit } from '#platform/audit/audit.ts';
import { requireAutomation } from '#platform/access/automation-access.ts';
import type { RequestContext } from '#platform/context.ts';
import type { AccessProfile } from '#platform/access/access.ts';
import type { Deps } from '#platform/deps.ts';
import { notFound } from '#platform/errors/app-error.ts';
import { newId } from '#platform/ids.ts';
import { definitionOf } from '#platform/objects/object-registry.ts';
import { compileFilter } from '#platform/query/filter.ts';
import { readableCatalogFor } from '#platform/records/field-access.ts';
import type { DeliverySettings } from './delivery-settings.rules.ts';
import { eventAllowed, eventTypesOf, objectsOf } from './event-types.definition.ts';
import { newSecret } from './signature.rules.ts';
import { checkWebhookUrl } from './url-check.service.ts';
import { ownerAccess } from './webhook-payload.service.ts';
import { subscriptionOutOfReach } from './webhook-reach.service.ts';
import { webhookToApi } from './webhooks.mapper.ts';
import * as repo from './webhooks.repo.ts';
import type { SubscriptionRow } from './webhooks.repo.ts';
import { webhooksErrors } from './webhooks.errors.ts';
import type { TCreateWebhookRequest, TUpdateWebhookRequest } from './webhooks.schema.ts';

export type WebhookServiceOptions = { deps: Deps; ctx: RequestContext; settings: DeliverySettings };

/** Webhooks are an administrator's tool: they send records out of the system. */
export function requireAdmin(ctx: RequestContext): void {
  if (!ctx.access.isAdmin) throw webhooksErrors.adminOnly();
}

const records = async (tx: Tx, deps: Deps) =>
  (await deps.objects.forTenant(tx)).map((o) => ({ name: o.name, label: o.label, record: !!o.definition && !!o.path, declaration: o }));

/** The event types the events picker offers (every record object, custom ones too). */
export async function listEventTypes(o: Omit<WebhookServiceOptions, 'settings'>) {
  requireAdmin(o.ctx);
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => eventTypesOf(await records(tx, o.deps)));
}

/**
 * Each event must exist; a filter must compile against every object the events are about, as the
 * subscription's owner may filter it: a masked field they may not read is unknown (a filter on it
 * would tell them, delivery by delivery, whether a hidden value matches).
 */
async function checkEventsAndFilter(tx: Tx, deps: Deps, events: string[], filter: Record<string, unknown> | null, owner: AccessProfile) {
  const objects = await records(tx, deps);
  const entries = eventTypesOf(objects);
  events.forEach((event, i) => {
    if (!eventAllowed(event, entries)) throw webhooksErrors.unknownEvent(i, event);
  });
  if (!filter) return;
  const names = objectsOf(events);
  if (!names?.length) throw webhooksErrors.filterNeedsObject();
  for (const name of names) {
    const declaration = objects.find((x) => x.name === name)?.declaration;
    const def = declaration ? definitionOf(declaration) : undefined;
    if (!def) throw webhooksErrors.filterNeedsObject();
    const text = JSON.stringify(filter);
    compileFilter(text, await readableCatalogFor({ tx, def, access: owner, uses: [text] }));
  }
}

/** A subscription as the API shows it, with the filter's fields its owner may no longer read (its `attention`). */
async function withAttention(tx: Tx, deps: Deps, row: SubscriptionRow) {
  const access = () => ownerAccess({ tx, deps, tenantId: row.tenant_id, ownerId: row.owner_id });
  const filter = (row.filter as Record<string, unknown> | null) ?? null;
  return webhookToApi(row, await subscriptionOutOfReach({ tx, deps, events: row.events, filter, access }));
}

export async function listWebhooks(o: WebhookServiceOptions) {
  // Rule builders (`automation` read) pick a subscription for "call a webhook"; only admins change them.
  requireAutomation(o.ctx, 'read');
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const out = [];
    for (const row of await repo.listSubscriptions(tx)) out.push(await withAttention(tx, o.deps, row));
    return out;
  });
}

async function load(tx: Tx, id: string) {
  const row = await repo.findSubscription(tx, id);
  if (!row) throw notFound('webhook');
  return row;
}

export async function getWebhook(o: WebhookServiceOptions & { id: string }) {
  requireAdmin(o.ctx);
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => withAttention(tx, o.deps, await load(tx, o.id)));
}

/** Creates a subscription owned by the caller; the answer carries its signing secret. */
export async function createWebhook(o: WebhookServiceOptions & { input: TCreateWebhookRequest }) {
  const { deps, ctx, input } = o;
  requireAdmin(ctx);
  const url = await checkWebhookUrl(input.url, o.settings.policy);
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const filter = input.filter && Object.keys(input.filter).length ? input.filter : null;
    await checkEventsAndFilter(tx, deps, input.events, filter, ctx.access);
    const cipher = await deps.ciphers.forTenant(ctx.tenantId, tx);
    const secret = newSecret();
    const id = newId();
    await repo.insertSubscription(tx, {
      tenant_id: ctx.tenantId,
      id,
      name: input.name,
      url,
      events: input.events,
      filter: filter ? JSON.stringify(filter) : null,
      owner_id: ctx.userId,
      is_active: input.isActive ?? true,
      ...(input.isActive === false ? { disabled_reason: 'manual', disabled_at: new Date() } : {}),
      secret_sealed: cipher.encrypt(secret),
      created_by: ctx.userId,
      updated_by: ctx.userId,
    });
    await writeAudit(tx, ctx, {
      action: 'created',
      objectType: 'webhook',
      objectId: id,
      changes: { url: { from: null, to: url }, events: { from: null, to: input.events } },
    });
    return { ...webhookToApi(await load(tx, id)), secret };
  });
}

/** Changes a subscription; switching it back on clears why it was off and its failure streak. */
export async function updateWebhook(o: WebhookServiceOptions & { id: string; input: TUpdateWebhookRequest }) {
  const { deps, ctx, input } = o;
  requireAdmin(ctx);
  const url = input.url === undefined ? undefined : await checkWebhookUrl(input.url, o.settings.policy);
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const row = await load(tx, o.id);
    const events = input.events ?? row.events;
    const filter =
      input.filter === undefined
        ? ((row.filter as Record<string, unknown> | null) ?? null)
        : input.filter && Object.keys(input.filter).length
          ? input.filter
          : null;
    // The owner stays who created it: the filter must fit what they may read, whoever edits it.
    if (input.events !== undefined || input.filter !== undefined)
      await checkEventsAndFilter(tx, deps, events, filter, await ownerAccess({ tx, deps, tenantId: ctx.tenantId, ownerId: row.owner_id }));
    const activity =
      input.isActive === undefined || input.isActive === row.is_active
        ? {}
        : input.isActive
          ? { is_active: true, disabled_reason: null, disabled_at: null, consecutive_failures: 0, failing_since: null }
          : { is_active: false, disabled_reason: 'manual', disabled_at: sql<Date>`now()` as never };
    await repo.updateSubscription(tx, o.id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(url !== undefined ? { url } : {}),
      ...(input.events !== undefined ? { events } : {}),
      ...(input.filter !== undefined ? { filter: filter ? JSON.stringify(filter) : null } : {}),
      ...activity,
      updated_by: ctx.userId,
    });
    const changes = Object.fromEntries(Object.keys(input).map((k) => [k, { from: k === 'url' ? row.url : null, to: (input as Record<string, unknown>)[k] }]));
    await writeAudit(tx, ctx, { action: 'updated', objectType: 'webhook', objectId: o.id, changes });
    return withAttention(tx, o.deps, await load(tx, o.id));
  });
}

export async function deleteWebhook(o: WebhookServiceOptions & { id: string }) {
  requireAdmin(o.ctx);
  await inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const row = await load(tx, o.id);
    await repo.deleteSubscription(tx, o.id);
    await writeAudit(tx, o.ctx, { action: 'deleted', objectType: 'webhook', objectId: o.id, changes: { url: { from: row.url, to: null } } });
  });
}

/** The current signing secret, in clear, to an admin; the audit log records who looked. */
export async function revealSecret(o: WebhookServiceOptions & { id: string }) {
  requireAdmin(o.ctx);
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const row = await load(tx, o.id);
    const cipher = await o.deps.ciphers.forTenant(o.ctx.tenantId, tx);
    await writeAudit(tx, o.ctx, { action: 'revealed', objectType: 'webhook', objectId: o.id, changes: { secret: { from: null, to: '***' } } });
    return { secret: cipher.decrypt(row.secret_sealed), previousSecretExpiresAt: webhookToApi(row).previousSecretExpiresAt };
  });
}

/**
 * A new secret signs from now on; the old one keeps signing beside it (a second `v1`) for
 * `overlapHours`, so receivers can switch without losing a delivery.
 */
export async function rotateSecret(o: WebhookServiceOptions & { id: string; overlapHours: number }) {
  requireAdmin(o.ctx);
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const row = await load(tx, o.id);
    const cipher = await o.deps.ciphers.forTenant(o.ctx.tenantId, tx);
    const secret = newSecret();
    const expires = o.overlapHours > 0 ? new Date(Date.now() + o.overlapHours * 3600_000) : null;
    await repo.updateSubscription(tx, o.id, {
      secret_sealed: cipher.encrypt(secret),
      previous_secret_sealed: expires ? row.secret_sealed : null,
      previous_secret_expires_at: expires,
      updated_by: o.ctx.userId,
    });
    await writeAudit(tx, o.ctx, { action: 'secret_rotated', objectType: 'webhook', objectId: o.id, changes: { secret: { from: '***', to: '***' } } });
    return { secret, previousSecretExpiresAt: expires ? expires.toISOString() : null };
  });
}
