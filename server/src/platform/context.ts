import type { AccessProfile } from './access/access.ts';
import type { Locale } from './i18n/i18n.ts';

/** Who is asking, for which tenant, from where: passed to every service call. */
export type RequestContext = {
  tenantId: string;
  userId: string | null;
  requestId: string;
  ip: string | null;
  locale: Locale;
  access: AccessProfile;
};
