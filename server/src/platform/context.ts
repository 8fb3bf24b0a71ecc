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
  /** Set when automation acts (a workflow rule's action): copied into every event the write emits, so rules can stop loops. */
  cause?: EventCause;
  /**
   * Set by an import batch (#21): record creates and updates add their field changes here instead
   * of an audit entry and an event each; the batch writes one of each and journals the changes.
   */
  collect?: CollectedChange[];
};

/** A record create or update an import batch collected (see `collect`). */
export type CollectedChange = { action: 'created' | 'updated'; objectType: string; objectId: string; changes: Record<string, { from: unknown; to: unknown }> };

/** Why a write happened, when not a person: the automation depth and the rule run that made it. */
export type EventCause = { depth: number; ruleId: string; runId: string };
