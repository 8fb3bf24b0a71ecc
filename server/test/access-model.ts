/**
 * The access rules of docs/architecture.md written out on their own, for the randomized access
 * matrix (access-matrix.int.test.ts): what a user may see and do, computed from the roles, teams
 * and owners the test set up, never from the server's code.
 */
export const MODEL_SCOPES = ['none', 'own', 'team', 'all'] as const;
export type ModelScope = (typeof MODEL_SCOPES)[number];
export const MODEL_ACTIONS = ['read', 'update', 'delete', 'export'] as const;
export type ModelAction = (typeof MODEL_ACTIONS)[number];

/**
 * object -> action -> scope, whether the role reads contact phones in clear, and whether it reads
 * (and edits) the custom field `secret` an admin marked sensitive on contacts and custom objects.
 */
export type ModelRole = { permissions: Record<string, Record<ModelAction, ModelScope>>; phones: boolean; secret: boolean };
export type ModelUser = { id: string; team: string | null; roles: number[]; admin?: boolean };
export type ModelRecord = { id: string; object: string; owner: string; deleted: boolean; tenant: 'home' | 'foreign' };

export type Model = {
  roles: ModelRole[];
  users: ModelUser[];
  /** team -> parent team. */
  parents: Map<string, string | null>;
};

const rank = (s: ModelScope) => MODEL_SCOPES.indexOf(s);

/** Several roles merge to the most permissive scope. */
export function scopeOf(m: Model, user: ModelUser, object: string, action: ModelAction): ModelScope {
  if (user.admin) return 'all';
  let best: ModelScope = 'none';
  for (const r of user.roles) {
    const s = m.roles[r]?.permissions[object]?.[action] ?? 'none';
    if (rank(s) > rank(best)) best = s;
  }
  return best;
}

export const readsPhones = (m: Model, user: ModelUser): boolean => user.admin === true || user.roles.some((r) => m.roles[r]?.phones === true);
export const readsSecret = (m: Model, user: ModelUser): boolean => user.admin === true || user.roles.some((r) => m.roles[r]?.secret === true);

/** Is `team` the same as `root` or below it? */
function within(m: Model, team: string | null, root: string | null): boolean {
  if (root === null) return false;
  for (let t = team; t !== null; t = m.parents.get(t) ?? null) if (t === root) return true;
  return false;
}

/** Does `scope` cover a record owned by `owner` (a user of the home tenant)? */
export function covers(m: Model, user: ModelUser, scope: ModelScope, owner: string): boolean {
  if (scope === 'all') return true;
  if (scope === 'none') return false;
  if (owner === user.id) return true;
  if (scope === 'own') return false;
  const o = m.users.find((u) => u.id === owner);
  return o !== undefined && within(m, o.team, user.team);
}

/** Visible for `action`: in the home tenant, not in the recycle bin unless asked, and covered by read (and the action's scope). */
export function allows(m: Model, user: ModelUser, r: ModelRecord, action: ModelAction, o: { deleted?: boolean } = {}): boolean {
  if (r.tenant !== 'home' || r.deleted !== (o.deleted ?? false)) return false;
  if (!covers(m, user, scopeOf(m, user, r.object, 'read'), r.owner)) return false;
  return action === 'read' || covers(m, user, scopeOf(m, user, r.object, action), r.owner);
}

/** The answer a single-record request should get: 403 without any scope, 404 when hidden, 403 when readable only. */
export function expectedStatus(
  m: Model,
  user: ModelUser,
  r: ModelRecord,
  action: Exclude<ModelAction, 'export'>,
  o: { deleted?: boolean } = {},
): 200 | 403 | 404 {
  if (scopeOf(m, user, r.object, 'read') === 'none') return 403;
  if (!allows(m, user, r, 'read', o)) return 404;
  if (action !== 'read' && !allows(m, user, r, action, o)) return 403;
  return 200;
}
