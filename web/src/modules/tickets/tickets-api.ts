import { api } from '#shared/api/client';
import type { ListResponse, Ref } from '#shared/api/types';

export const TICKET_STATUSES = ['new', 'open', 'waiting_customer', 'waiting_third_party', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export const TICKET_CHANNELS = ['email', 'web', 'portal', 'api', 'phone'] as const;

export const STATUS_COLOR: Record<TicketStatus, string> = {
  new: 'blue',
  open: 'geekblue',
  waiting_customer: 'gold',
  waiting_third_party: 'orange',
  resolved: 'green',
  closed: 'default',
};
export const SLA_STATES = ['none', 'ok', 'warning', 'breached', 'paused', 'met'] as const;
export type SlaState = (typeof SLA_STATES)[number];
export const SLA_COLOR: Record<SlaState, string> = { none: 'default', ok: 'green', warning: 'orange', breached: 'red', paused: 'default', met: 'cyan' };
export const PRIORITY_COLOR: Record<TicketPriority, string> = { low: 'default', normal: 'blue', high: 'orange', urgent: 'red' };

export type Ticket = {
  id: string;
  number: string;
  subject: string;
  description: string | null;
  contactId: string | null;
  contact: Ref | null;
  companyId: string | null;
  company: Ref | null;
  requesterEmail: string | null;
  channel: (typeof TICKET_CHANNELS)[number];
  category: string | null;
  priority: TicketPriority;
  status: TicketStatus;
  assigneeId: string | null;
  assignee: Ref | null;
  queueId: string | null;
  queue: Ref | null;
  mergedIntoId: string | null;
  mergedInto: Ref | null;
  slaPolicy: Ref | null;
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
  slaState: SlaState;
  slaPausedAt: string | null;
  slaBreachedAt: string | null;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  followUpOf: Ref | null;
  tags: string[];
  ownerId: string | null;
  createdAt: string;
  lastMessageAt: string | null;
  version: number;
};

export type TicketMessage = {
  id: string;
  kind: 'inbound' | 'reply' | 'note';
  author: Ref | null;
  fromAddress: string | null;
  fromName: string | null;
  toAddress: string | null;
  subject: string | null;
  bodyText: string;
  bodyHtml: string | null;
  mentions: string[];
  createdAt: string;
};

export type NewMessage = { kind: 'reply' | 'note'; body: string; mentions: string[]; status?: TicketStatus };

export const ROUTING_METHODS = ['round_robin', 'least_open', 'skill_match', 'manual'] as const;
export type RoutingMethod = (typeof ROUTING_METHODS)[number];
export type QueueMember = { userId: string; skills: string[] };
export type TicketQueue = {
  id: string;
  name: string;
  description: string | null;
  method: RoutingMethod;
  members: QueueMember[];
  active: boolean;
  version: number;
};
export type TicketMacro = {
  id: string;
  name: string;
  kind: 'reply' | 'note';
  body: string | null;
  setStatus: TicketStatus | null;
  setPriority: TicketPriority | null;
  setQueueId: string | null;
  setQueue: Ref | null;
  active: boolean;
  version: number;
};
export type SlaPolicy = {
  id: string;
  name: string;
  priority: TicketPriority | null;
  category: string | null;
  customerTier: string | null;
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
  warnBeforeMinutes: number;
  calendarId: string | null;
  escalateToManager: boolean;
  escalatePriority: boolean;
  active: boolean;
  version: number;
};
export const CLOSED_REPLY_ACTIONS = ['follow_up', 'reopen'] as const;
export type DeskSettings = { reopenWithinDays: number | null; closedReply: (typeof CLOSED_REPLY_ACTIONS)[number]; version: number };
export type BusinessCalendarRef = { id: string; name: string; isDefault: boolean };
export type TicketAgent = { userId: string; name: string; available: boolean; openTickets: number };
export type AppliedMacro = { kind: 'reply' | 'note'; body: string; ticket: Ticket };

export const ticketKeys = {
  all: ['tickets'] as const,
  one: (id: string) => ['tickets', 'one', id] as const,
  thread: (id: string) => ['tickets', 'thread', id] as const,
  related: (filter: object) => ['tickets', 'related', filter] as const,
  queues: ['ticket-queues'] as const,
  macros: ['ticket-macros'] as const,
  agents: ['ticket-agents'] as const,
  slaPolicies: ['ticket-sla-policies'] as const,
  deskSettings: ['ticket-desk-settings'] as const,
  calendars: ['business-calendars'] as const,
};

const all = async <T>(path: string) => (await api<ListResponse<T>>(path, { query: { limit: 200, sort: 'name' } })).data;

export const ticketsApi = {
  get: (id: string) => api<Ticket>(`/tickets/${id}`),
  update: (id: string, body: Partial<Ticket>, version: number) => api<Ticket>(`/tickets/${id}`, { method: 'PATCH', body, ifMatch: version }),
  thread: async (id: string) => (await api<{ data: TicketMessage[] }>(`/tickets/${id}/messages`)).data,
  post: (id: string, body: NewMessage) => api<TicketMessage>(`/tickets/${id}/messages`, { method: 'POST', body }),
  merge: (id: string, targetId: string) => api<Ticket>(`/tickets/${id}/merge`, { method: 'POST', body: { targetId } }),
  split: (id: string, messageId: string) => api<Ticket>(`/tickets/${id}/messages/${messageId}/split`, { method: 'POST' }),
  applyMacro: (id: string, macroId: string) => api<AppliedMacro>(`/tickets/${id}/apply-macro`, { method: 'POST', body: { macroId } }),
  search: (q: string) => api<ListResponse<Ticket>>('/tickets', { query: { q, limit: 10 } }),
  queues: () => all<TicketQueue>('/ticket-queues'),
  saveQueue: (q: Partial<TicketQueue>, existing?: TicketQueue) =>
    existing
      ? api<TicketQueue>(`/ticket-queues/${existing.id}`, { method: 'PATCH', body: q, ifMatch: existing.version })
      : api<TicketQueue>('/ticket-queues', { method: 'POST', body: q }),
  removeQueue: (id: string) => api<void>(`/ticket-queues/${id}`, { method: 'DELETE' }),
  macros: () => all<TicketMacro>('/ticket-macros'),
  saveMacro: (m: Partial<TicketMacro>, existing?: TicketMacro) =>
    existing
      ? api<TicketMacro>(`/ticket-macros/${existing.id}`, { method: 'PATCH', body: m, ifMatch: existing.version })
      : api<TicketMacro>('/ticket-macros', { method: 'POST', body: m }),
  removeMacro: (id: string) => api<void>(`/ticket-macros/${id}`, { method: 'DELETE' }),
  slaPolicies: () => all<SlaPolicy>('/ticket-sla-policies'),
  saveSlaPolicy: (p: Partial<SlaPolicy>, existing?: SlaPolicy) =>
    existing
      ? api<SlaPolicy>(`/ticket-sla-policies/${existing.id}`, { method: 'PATCH', body: p, ifMatch: existing.version })
      : api<SlaPolicy>('/ticket-sla-policies', { method: 'POST', body: p }),
  removeSlaPolicy: (id: string) => api<void>(`/ticket-sla-policies/${id}`, { method: 'DELETE' }),
  calendars: async () => (await api<{ data: BusinessCalendarRef[] }>('/business-calendars')).data,
  deskSettings: () => api<DeskSettings>('/ticket-desk-settings'),
  saveDeskSettings: (body: Omit<DeskSettings, 'version'>, version: number) =>
    api<DeskSettings>('/ticket-desk-settings', { method: 'PATCH', body, ifMatch: version }),
  agents: async () => (await api<{ data: TicketAgent[] }>('/ticket-agents')).data,
  setAvailable: async (userId: string, available: boolean) =>
    (await api<{ data: TicketAgent[] }>(`/ticket-agents/${userId}/availability`, { method: 'PUT', body: { available } })).data,
  listBy: (filter: object, limit = 10) => api<ListResponse<Ticket>>('/tickets', { query: { filter: JSON.stringify(filter), limit, sort: '-createdAt' } }),
};
