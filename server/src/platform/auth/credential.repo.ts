import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '#db/schema.ts';
import type { TokenKind } from './tokens.ts';

export type CredentialRow = {
  tenant_id: string;
  user_id: string;
  credential_id: string;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
  rate_limit: number | null;
  scopes: string[];
  is_active: boolean;
  locale: string | null;
  roles: { isAdmin: boolean; permissions: unknown; fields: unknown }[];
  team_user_ids: string[];
};

const SESSION = sql`select tenant_id, user_id, id as credential_id, expires_at, null::timestamptz as revoked_at,
  last_seen_at as last_used_at, null::int as rate_limit, '{}'::text[] as scopes from sessions where token_hash = `;
const API_TOKEN = sql`select tenant_id, user_id, id as credential_id, expires_at, revoked_at,
  last_used_at, rate_limit, scopes from api_tokens where token_hash = `;

/** The roles and team-scope users of the `member` rows (tenant_id, user_id, ...), tenant named in every join. */
const withAccess = (member: RawBuilder<unknown>) => sql`
    with recursive member as (${member}),
    subtree as (
      select t.tenant_id, t.id from teams t join member m on t.tenant_id = m.tenant_id and t.id = m.team_id
      union
      select t.tenant_id, t.id from teams t join subtree s on t.tenant_id = s.tenant_id and t.parent_id = s.id
    )
    select m.*,
      coalesce((
        select json_agg(json_build_object('isAdmin', r.is_admin, 'permissions', r.permissions, 'fields', r.field_permissions))
        from user_roles ur join roles r on r.tenant_id = ur.tenant_id and r.id = ur.role_id
        where ur.tenant_id = m.tenant_id and ur.user_id = m.user_id
      ), '[]'::json) as roles,
      array(select u.id::text from users u join subtree s on s.tenant_id = u.tenant_id and s.id = u.team_id) as team_user_ids
    from member m`;

/**
 * The credential, its user, the user's roles and the users their team scope covers, in one
 * round trip: this runs on every request. It runs before the tenant is known (owner role), so
 * every join names the tenant explicitly.
 */
export async function resolveCredential(db: Kysely<DB>, kind: TokenKind, hash: string): Promise<CredentialRow | undefined> {
  const member = sql`select c.*, u.is_active, u.locale, u.team_id
    from (${kind === 'api' ? API_TOKEN : SESSION}${hash}) c
    join users u on u.tenant_id = c.tenant_id and u.id = c.user_id`;
  const { rows } = await sql<CredentialRow>`${withAccess(member)}`.execute(db);
  return rows[0];
}

export type AccessRow = Pick<CredentialRow, 'user_id' | 'roles' | 'team_user_ids'>;

/** The same roles and team scope for a user without a credential (background jobs acting for them). */
export async function resolveUserAccess(db: Kysely<DB>, tenantId: string, userId: string): Promise<AccessRow | undefined> {
  const member = sql`select tenant_id, id as user_id, team_id from users where tenant_id = ${tenantId} and id = ${userId}`;
  const { rows } = await sql<AccessRow>`${withAccess(member)}`.execute(db);
  return rows[0];
}
