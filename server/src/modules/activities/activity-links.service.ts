import { mayTouch, scopeOf } from '#platform/access/access.ts';
import type { RequestContext } from '#platform/context.ts';
import type { FieldError } from '#platform/errors/app-error.ts';
import type { PrepareOptions } from '#platform/records/object-definition.ts';
import type { Tx } from '#db/tx.ts';
import { findLinkTarget, type LinkTarget } from './activities.repo.ts';
import { activityProblems, foreignFields } from './activity.rules.ts';

/** A linked record must exist and be readable by the user; otherwise it is "no such", never "hidden". */
async function visibleTarget(tx: Tx, ctx: RequestContext, object: 'contact' | 'company' | 'deal' | 'lead', id: string): Promise<LinkTarget | undefined> {
  const target = await findLinkTarget(tx, object === 'contact' ? 'contacts' : object === 'deal' ? 'deals' : object === 'lead' ? 'leads' : 'companies', id);
  const scope = scopeOf(ctx.access, object, 'read');
  return target && scope !== 'none' && mayTouch(ctx.access, scope, target.owner_id) ? target : undefined;
}

/**
 * The database-side half of activity validation, for create and PATCH alike: fields of another
 * type, visible links, the company that follows the contact, a meeting's time, and the
 * cross-field rules on the merged record.
 */
export async function prepareLinks({ tx, ctx, input, columns, existing, errors }: PrepareOptions): Promise<void> {
  const type = (existing?.type ?? columns.type) as string;
  if (existing) errors.push(...foreignFields(type, input));
  const found: FieldError[] = [];
  for (const [object, col, field] of [
    ['contact', 'contact_id', 'contactId'],
    ['company', 'company_id', 'companyId'],
    ['deal', 'deal_id', 'dealId'],
    ['lead', 'lead_id', 'leadId'],
  ] as const) {
    const id = columns[col];
    if (typeof id !== 'string' || id === existing?.[col]) continue;
    const target = await visibleTarget(tx, ctx, object, id);
    if (!target) found.push({ field, message: 'fields.invalid_reference', params: { object } });
    // The contact's company is linked too, unless the caller chose the company.
    else if (object === 'contact' && !('companyId' in input)) columns.company_id = target.company_id;
    // An activity on a deal shows on its company's timeline too, unless a company was chosen.
    else if (object === 'deal' && !('companyId' in input) && !('contactId' in input) && target.company_id) columns.company_id = target.company_id;
  }
  errors.push(...found);
  if (type === 'meeting' && 'starts_at' in columns) columns.occurred_at = columns.starts_at;
  const merged = { ...existing, ...columns };
  const problems = activityProblems({
    type,
    companyId: merged.company_id as string | null,
    contactId: merged.contact_id as string | null,
    dealId: merged.deal_id as string | null,
    leadId: merged.lead_id as string | null,
    startsAt: merged.starts_at as string | Date | null,
    endsAt: merged.ends_at as string | Date | null,
    dueAt: merged.due_at as string | Date | null,
    remindAt: merged.remind_at as string | Date | null,
  });
  // On create the schema already reported these; only a PATCH can newly break them.
  if (existing) errors.push(...problems);
}
