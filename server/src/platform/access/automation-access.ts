import type { RequestContext } from '../context.ts';
import { AppError } from '../errors/app-error.ts';
import { type Action, mayTouch, type Scope, scopeOf } from './access.ts';

/**
 * The permission behind building automation without being an admin (the role editor's "Automation" row):
 * workflow rules (scoped by their owner: own, team, all), and reading the approval processes, mail
 * templates and webhooks a rule picks; with `update`, mail templates too. Admins have all of it.
 */
export const AUTOMATION = 'automation';

export const automationScope = (ctx: RequestContext, action: Action): Scope => (ctx.access.isAdmin ? 'all' : scopeOf(ctx.access, AUTOMATION, action));

/** The scope, or 403 when the user has none for `action`. */
export function requireAutomation(ctx: RequestContext, action: Action): Exclude<Scope, 'none'> {
  const scope = automationScope(ctx, action);
  if (scope === 'none') throw new AppError('forbidden', { message: 'automation_forbidden' });
  return scope;
}

/** Whether the user may `action` a rule owned by `ownerId` (own: theirs; team: their team's; all). */
export const mayAutomate = (ctx: RequestContext, action: Action, ownerId: string | null): boolean => {
  const scope = automationScope(ctx, action);
  return scope !== 'none' && mayTouch(ctx.access, scope, ownerId);
};
