import type { RequestContext } from '#platform/context.ts';
import type { Locale } from '#platform/i18n/i18n.ts';

/** The actor of an anonymous capture (web form, confirmation link): no user, full rights inside its one tenant. */
export const publicContext = (o: { tenantId: string; requestId: string; ip: string | null; locale: Locale }): RequestContext => ({
  tenantId: o.tenantId,
  userId: null,
  requestId: o.requestId,
  ip: o.ip,
  locale: o.locale,
  access: { userId: null, isAdmin: true, permissions: {}, fields: {}, teamUserIds: [] },
});
