import type { Action, Me, Scope } from '#shared/api/types';

export function scopeOf(me: Me | null | undefined, object: string, action: Action): Scope {
  if (!me) return 'none';
  if (me.user.isAdmin) return 'all';
  return me.permissions[object]?.[action] ?? 'none';
}

export const can = (me: Me | null | undefined, object: string, action: Action): boolean => scopeOf(me, object, action) !== 'none';

/** Whether a record owned by `ownerId` may be touched under the user's scope (team is checked by the server). */
export function canOnRecord(me: Me | null | undefined, object: string, action: Action, ownerId: string | null | undefined): boolean {
  const scope = scopeOf(me, object, action);
  if (scope === 'none') return false;
  if (scope === 'own') return !!me && ownerId === me.user.id;
  return true;
}

export function fieldAccess(me: Me | null | undefined, object: string, field: string, sensitive: boolean) {
  if (!me) return { read: false, edit: false };
  if (me.user.isAdmin) return { read: true, edit: true };
  const rule = me.fields[object]?.[field];
  if (rule) return rule;
  return sensitive ? { read: false, edit: false } : { read: true, edit: true };
}

/** A record page's per-field checks: editing needs the record's update right and the field's edit right. */
export function recordFieldAccess(me: Me | null | undefined, object: string, canUpdate: boolean) {
  return {
    canEditField: (f: { key: string; sensitive?: boolean }) => canUpdate && fieldAccess(me, object, f.key, !!f.sensitive).edit,
    canReveal: (f: { key: string }) => fieldAccess(me, object, f.key, true).read,
  };
}
