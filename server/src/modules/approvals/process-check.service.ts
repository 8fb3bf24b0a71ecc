import type { Tx } from '#db/tx.ts';
import type { Deps } from '#platform/deps.ts';
import type { FieldError } from '#platform/errors/app-error.ts';
import { activeUsers, rolesExist } from './approvers.repo.ts';
import type { TCreateApprovalProcessRequest, TOutcome } from './approvals.schema.ts';
import { unknownCalendars } from './due.service.ts';
import { filterErrors, type Target, targetOf } from './target.service.ts';
import { approvalsErrors } from './approvals.errors.ts';

/** Fields the system keeps: an outcome may not write them. */
const READ_ONLY = new Set(['id', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'version', 'deletedAt', 'owner']);

/** A field a request may set: a declared, writable field (also when not filterable), or a catalog field (custom fields, custom objects). */
function settable(target: Target, field: string): boolean {
  const declared = target.def.fields?.find((f) => f.name === field);
  if (declared) return !declared.readOnly;
  return Object.hasOwn(target.catalog, field);
}

export type CheckProcessOptions = { tx: Tx; deps: Deps; p: TCreateApprovalProcessRequest };
/**
 * Checks a process against its object before anything is written: the object exists, there are
 * steps and each has approvers, named users and roles exist, criteria fit the object's fields and
 * operators, outcome fields exist and may be set. All problems at once, as field errors.
 */
export async function checkProcess({ tx, deps, p }: CheckProcessOptions): Promise<Target> {
  const target = await targetOf({ tx, deps, name: p.object });
  if (!target) throw approvalsErrors.unknownObject(p.object);
  const errors: FieldError[] = [];
  if (p.steps.length === 0) errors.push({ field: 'steps', message: 'approvals.no_steps' });
  errors.push(...filterErrors({ filter: p.criteria, catalog: target.catalog, path: 'criteria' }));
  const userIds = new Set<string>();
  const roleIds = new Set<string>();
  for (const [i, step] of p.steps.entries()) {
    if (step.approvers.length === 0) errors.push({ field: `steps.${i}.approvers`, message: 'approvals.step_without_approvers' });
    errors.push(...filterErrors({ filter: step.criteria, catalog: target.catalog, path: `steps.${i}.criteria` }));
    for (const a of step.approvers) {
      if (a.type === 'user') userIds.add(a.userId);
      if (a.type === 'role') roleIds.add(a.roleId);
    }
  }
  const users = new Set((await activeUsers(tx, [...userIds])).map((u) => u.id));
  const roles = new Set((await rolesExist(tx, [...roleIds])).map((r) => r.id));
  for (const [i, step] of p.steps.entries())
    for (const [j, a] of step.approvers.entries()) {
      if (a.type === 'user' && !users.has(a.userId)) errors.push({ field: `steps.${i}.approvers.${j}.userId`, message: 'approvals.unknown_user' });
      if (a.type === 'role' && !roles.has(a.roleId)) errors.push({ field: `steps.${i}.approvers.${j}.roleId`, message: 'approvals.unknown_role' });
    }
  const outcome = (path: string, o: TOutcome | undefined) => {
    for (const [i, u] of (o?.fieldUpdates ?? []).entries()) {
      if (READ_ONLY.has(u.field)) errors.push({ field: `${path}.fieldUpdates.${i}.field`, message: 'approvals.read_only_field', params: { field: u.field } });
      else if (!settable(target, u.field))
        errors.push({ field: `${path}.fieldUpdates.${i}.field`, message: 'approvals.unknown_field', params: { field: u.field, object: p.object } });
    }
  };
  errors.push(...(await unknownCalendars(tx, p.steps)));
  outcome('onApproved', p.onApproved);
  outcome('onRejected', p.onRejected);
  if (errors.length) throw approvalsErrors.invalidProcess(errors);
  return target;
}
