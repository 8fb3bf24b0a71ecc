import type { Database } from '#db/database.ts';
import { inSystem } from '#db/tx.ts';
import { emitEvent } from '#platform/events/outbox.ts';
import { bilingual, notify } from '#modules/notifications/index.ts';
import { claimDueReminders } from './activities.repo.ts';

export const REMINDER_JOB = 'activity-reminders';
const BATCH = 500;

/**
 * Emits `activity.reminder_due` through the outbox and notifies the owner (bell or e-mail, per
 * their preference) for every open task whose reminder time has come, once: claiming
 * (reminded_at), the event and the notification commit together, batch by batch.
 * Runs across tenants as the system, like the outbox relay. Returns how many it sent.
 */
export async function sendDueReminders(o: { db: Database; now?: Date }): Promise<number> {
  const now = o.now ?? new Date();
  let sent = 0;
  for (;;) {
    const claimed = await inSystem(o.db.kysely, async (tx) => {
      const due = await claimDueReminders(tx, { now, limit: BATCH });
      for (const r of due) {
        await emitEvent(
          tx,
          { tenantId: r.tenant_id, userId: null },
          {
            type: 'activity.reminder_due',
            objectType: 'activity',
            objectId: r.id,
            payload: {
              ownerId: r.owner_id,
              subject: r.subject,
              contactId: r.contact_id,
              companyId: r.company_id,
              dueAt: r.due_at?.toISOString() ?? null,
              remindAt: r.remind_at.toISOString(),
            },
          },
        );
        await notify({
          tx,
          tenantId: r.tenant_id,
          userIds: [r.owner_id],
          kind: 'task_reminder',
          title: bilingual('task_reminder_title', { subject: r.subject }),
          body: bilingual('task_reminder_body', { subject: r.subject }),
          link: { object: 'activity', id: r.id },
          dedupeKey: `task_reminder:${r.id}:${r.remind_at.toISOString()}`,
        });
      }
      return due.length;
    });
    sent += claimed;
    if (claimed < BATCH) return sent;
  }
}
