import type { Database, Unlisten } from '#db/database.ts';
import type { CredentialRow } from './credential.repo.ts';

/** The channel migration 20261126T0200-credential-notices notifies with a tenant id. */
export const CREDENTIALS_CHANNEL = 'kehu_credentials';

export type CredentialCache = {
  get: (hash: string) => CredentialRow | undefined;
  /** Taken before reading a credential, handed to `set`: a row read while a change came in is not kept. */
  generation: () => number;
  set: (hash: string, row: CredentialRow, generation: number) => void;
  /** Drops every cached credential of the tenant (its users, roles, teams or tokens changed). */
  forgetTenant: (tenantId: string) => void;
  close: () => Promise<void>;
};

export type CredentialCacheOptions = { ttlMs?: number; max?: number };

/**
 * Resolved credentials (session or API token, user, roles, team scope) kept per token hash, so a
 * request does not pay the access query and its round trip each time. The database notifies
 * `kehu_credentials` whenever a session ends, a token is revoked or expires, or a user, role,
 * role assignment or team changes (triggers, so the CLI and other instances are heard too), and
 * that tenant's entries go. Nothing is cached while the listening connection is down, and an
 * entry lives `ttlMs` at most whatever happens. A request that writes drops its tenant's entries
 * at once (request-context.ts), so the next request of the same client never sees the old state.
 */
export async function createCredentialCache(db: Database, o: CredentialCacheOptions = {}): Promise<CredentialCache> {
  const ttlMs = o.ttlMs ?? 30_000;
  const max = o.max ?? 10_000;
  const entries = new Map<string, { row: CredentialRow; until: number }>();
  let live = false;
  let generation = 0;
  const forgetTenant = (tenantId: string) => {
    generation++;
    for (const [hash, entry] of entries) if (entry.row.tenant_id === tenantId) entries.delete(hash);
  };
  let unlisten: Unlisten | null = null;
  try {
    unlisten = await db.listen(CREDENTIALS_CHANNEL, forgetTenant, (heard) => {
      live = heard;
      generation++;
      entries.clear();
    });
    live = true;
  } catch {
    // No notices, no cache: every request asks the database.
  }
  return {
    get: (hash) => {
      const entry = entries.get(hash);
      if (!entry) return undefined;
      if (entry.until > Date.now()) return entry.row;
      entries.delete(hash);
      return undefined;
    },
    generation: () => generation,
    set: (hash, row, readAt) => {
      if (!live || readAt !== generation) return;
      if (entries.size >= max) entries.delete(entries.keys().next().value as string); // the oldest
      entries.set(hash, { row, until: Date.now() + ttlMs });
    },
    forgetTenant,
    close: async () => {
      live = false;
      entries.clear();
      await unlisten?.();
    },
  };
}
