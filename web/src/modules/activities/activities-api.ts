import { api } from '#shared/api/client';
import type { CrmRecord, ListResponse } from '#shared/api/types';

export const ACTIVITY_TYPES = ['note', 'call', 'meeting', 'task', 'email'] as const;
export const CALL_OUTCOMES = ['connected', 'no_answer', 'busy', 'voicemail', 'wrong_number'] as const;

export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export type Activity = CrmRecord & {
  type: ActivityType;
  subject: string;
  body?: string | null;
  companyId?: string | null;
  contactId?: string | null;
  leadId?: string | null;
  occurredAt?: string | null;
  dueAt?: string | null;
  doneAt?: string | null;
  outcome?: string | null;
  durationSeconds?: number | null;
  startsAt?: string | null;
  endsAt?: string | null;
};

export type ActivityInput = Partial<Omit<Activity, 'id' | 'version' | 'createdAt' | 'updatedAt'>> & { type: ActivityType; subject: string };

export const activitiesApi = {
  create: (body: ActivityInput) => api<Activity>('/activities', { method: 'POST', body }),
  update: (id: string, body: Partial<ActivityInput>, version: number) => api<Activity>(`/activities/${id}`, { method: 'PATCH', body, ifMatch: version }),
  remove: (id: string) => api<void>(`/activities/${id}`, { method: 'DELETE' }),
  myOpenTasks: async (userId: string) =>
    (
      await api<ListResponse<Activity>>('/activities', {
        query: {
          filter: JSON.stringify({ and: [{ type: { eq: 'task' } }, { doneAt: { isEmpty: true } }, { ownerId: { eq: userId } }] }),
          sort: 'dueAt',
          limit: 20,
        },
      })
    ).data,
};
