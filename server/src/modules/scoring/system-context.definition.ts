import type { RequestContext } from '#platform/context.ts';

/** Who acts when a job or an event subscriber changes data: the system (no user), with full access. */
export function systemContext(tenantId: string, requestId: string): RequestContext {
  return {
    tenantId,
    userId: null,
    requestId,
    ip: null,
    locale: 'en',
    access: { userId: null, isAdmin: true, permissions: {}, fields: {}, teamUserIds: [] },
  };
}
