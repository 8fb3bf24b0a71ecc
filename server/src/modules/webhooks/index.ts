import type { KehuModule } from '#platform/module.ts';
import { deliverySettingsFromEnv } from './delivery-settings.rules.ts';
import { registerWebhookJobs } from './webhooks.jobs.ts';
import { webhookRoutes } from './webhooks.routes.ts';

export { type CallWebhookOptions, type CallWebhookResult, callWebhook } from './call-webhook.service.ts';

/**
 * Outgoing webhooks (#18, docs/webhooks.md): subscriptions to outbox events with a filter, the
 * record as the owner may see it, signed (Kehu-Signature), retried with backoff over ~31 h, a
 * delivery log with replay, and no calls to loopback, private or metadata addresses.
 * Events: webhook.disabled {reason: gone | failing, ownerId, name, url}.
 */
export const webhooksModule: KehuModule = {
  name: 'webhooks',
  register(app, deps) {
    const settings = deliverySettingsFromEnv();
    webhookRoutes(app, deps, settings);
    registerWebhookJobs(deps, settings);
  },
};
