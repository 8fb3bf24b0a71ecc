import { z } from 'zod';
import type { Subscriber } from '#platform/events/subscribers.ts';
import { notify } from './notify.service.ts';

/**
 * `notification.requested`: a module the notifications module depends on (through mail) cannot
 * import `notify` without an import cycle (privacy: mail asks it for the suppression list), so it
 * emits this event in its transaction instead; the payload is notify's options. Idempotent
 * through the payload's dedupe key.
 */
export const NOTIFY_REQUESTED = 'notification.requested';

const ZBilingual = z.object({ zh: z.string(), en: z.string() });
const ZNotifyRequested = z.object({
  userIds: z.array(z.string()),
  kind: z.string().min(1),
  title: ZBilingual,
  body: ZBilingual.nullish(),
  link: z.object({ object: z.string(), id: z.string() }).nullish(),
  dedupeKey: z.string().min(1),
});

export const notifyRequestedSubscriber: Subscriber = {
  name: 'notify-requested',
  events: [NOTIFY_REQUESTED],
  handle: async (event, tx) => {
    const p = ZNotifyRequested.parse(event.payload);
    await notify({ tx, tenantId: event.tenantId, ...p });
  },
};
