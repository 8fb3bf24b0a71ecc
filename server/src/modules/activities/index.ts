import { jobsOf } from '#platform/jobs/job-registry.ts';
import type { KehuModule } from '#platform/module.ts';
import { ALL_ACTIONS } from '#platform/objects/object-registry.ts';
import { activityDefinition } from './activities.definition.ts';
import { activityImport } from './activity-import.definition.ts';
import { ZActivity } from './activities.schema.ts';
import { activityRoutes } from './activities.routes.ts';
import { REMINDER_JOB, sendDueReminders } from './reminders.jobs.ts';
import { timelineRoutes } from './timeline.routes.ts';

export { activityDefinition } from './activities.definition.ts';
/** Bulk tasks for owners created by the system (pool recycling warnings). */
export { insertSystemTasks, type SystemTask } from './system-tasks.repo.ts';
export { ACTIVITY_TYPES, ZActivity, ZCreateActivityRequest, ZUpdateActivityRequest } from './activities.schema.ts';

/** Notes, calls, meetings, logged emails and tasks on companies and contacts; the 360 timeline; task reminders. */
export const activitiesModule: KehuModule = {
  name: 'activities',
  objects: [
    {
      name: 'activity',
      path: 'activities',
      label: { zh: '跟进', en: 'Activity' },
      actions: ALL_ACTIONS,
      capabilities: ['owned', 'audited', 'recycleBin', 'customFields', 'import', 'export', 'timeline'],
      definition: activityDefinition,
      import: activityImport,
      fields: Object.keys(ZActivity.shape),
      listColumns: ['type', 'subject', 'companyId', 'contactId', 'dealId', 'ownerId', 'occurredAt', 'dueAt', 'doneAt'],
    },
  ],
  register(app, deps) {
    activityRoutes(app, deps);
    timelineRoutes(app, deps);
    // Every minute; a tick missed while no runner was up is caught by the next (remind_at <= now).
    jobsOf(deps).schedule(REMINDER_JOB, '* * * * *', async () => {
      const sent = await sendDueReminders({ db: deps.db });
      if (sent) deps.log.info({ sent }, 'task reminders due');
    });
  },
};
