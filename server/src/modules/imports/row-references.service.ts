import type { Tx } from '#db/tx.ts';
import { ensureDefaultPipeline } from '#modules/deals/index.ts';
import type { RequestContext } from '#platform/context.ts';
import type { FieldError } from '#platform/errors/app-error.ts';
import { parseDateTime } from './cleaning.rules.ts';
import type { ImportObject } from './import-fields.definition.ts';
import { findCompanyRef, findContactRef, findDealRef, findPipelineRef, findStageRef, findUserByEmail, tenantTimezone } from './import-refs.repo.ts';

export type RefContext = { ctx: RequestContext; timezone?: string };

const LEAD_STATUS: Record<string, string> = {
  新建: 'new',
  新线索: 'new',
  未跟进: 'new',
  已联系: 'contacted',
  跟进中: 'contacted',
  培育中: 'nurturing',
  培育: 'nurturing',
  合格: 'qualified',
  有效: 'qualified',
  已确认: 'qualified',
  不合格: 'unqualified',
  无效: 'unqualified',
};

const ACTIVITY_TYPES: Record<string, string> = {
  note: 'note',
  备注: 'note',
  笔记: 'note',
  记录: 'note',
  call: 'call',
  phone: 'call',
  电话: 'call',
  通话: 'call',
  meeting: 'meeting',
  visit: 'meeting',
  会议: 'meeting',
  拜访: 'meeting',
  面谈: 'meeting',
  task: 'task',
  todo: 'task',
  任务: 'task',
  待办: 'task',
  email: 'email',
  邮件: 'email',
};

/** The field a type's date cell fills: when a note or call happened, a meeting starts, a task is due. */
const DATE_FIELD: Record<string, string> = { note: 'occurredAt', call: 'occurredAt', email: 'occurredAt', meeting: 'startsAt', task: 'dueAt' };

const missing = (field: string, object: string, value: string): FieldError => ({
  field,
  message: `imports.unresolved_${object}`,
  params: { value },
});

async function ownerOf(tx: Tx, refs: Record<string, string>, input: Record<string, unknown>, errors: FieldError[]) {
  if (!refs.owner) return;
  const user = await findUserByEmail(tx, refs.owner);
  if (user) input.ownerId = user.id;
  else errors.push(missing('owner', 'user', refs.owner));
}

async function dealRefs(tx: Tx, rc: RefContext, refs: Record<string, string>, input: Record<string, unknown>, errors: FieldError[]) {
  if (refs.company) {
    const company = await findCompanyRef(tx, refs.company);
    if (company) input.companyId = company.id;
    else errors.push(missing('company', 'company', refs.company));
  }
  if (refs.contact) {
    const contact = await findContactRef(tx, refs.contact);
    if (contact) {
      input.contactId = contact.id;
      // A deal named only by its contact sits with the contact's company.
      if (!refs.company && contact.company_id) input.companyId = contact.company_id;
    } else errors.push(missing('contact', 'contact', refs.contact));
  }
  if (refs.pipeline || refs.stage) {
    // No pipeline named: the default one (made on first use, as the deals API does).
    const pipeline = refs.pipeline ? await findPipelineRef(tx, refs.pipeline) : await ensureDefaultPipeline(tx, rc.ctx);
    if (!pipeline) errors.push(missing('pipeline', 'pipeline', refs.pipeline ?? ''));
    else {
      input.pipelineId = pipeline.id;
      const stage = refs.stage ? await findStageRef(tx, pipeline.id, refs.stage) : undefined;
      if (refs.stage && !stage) errors.push(missing('stage', 'stage', refs.stage));
      else if (stage) input.stageId = stage.id;
    }
  }
}

async function activityRefs(tx: Tx, rc: RefContext, refs: Record<string, string>, input: Record<string, unknown>, errors: FieldError[]) {
  const type = refs.type ? ACTIVITY_TYPES[refs.type.toLowerCase()] : 'note';
  if (!type) errors.push({ field: 'type', message: 'imports.invalid_activity_type', params: { value: refs.type } });
  else input.type = type;
  for (const [field, find] of [
    ['contact', findContactRef],
    ['company', findCompanyRef],
    ['deal', findDealRef],
  ] as const) {
    const value = refs[field];
    if (!value) continue;
    const found = await find(tx, value);
    if (found) input[`${field}Id`] = found.id;
    else errors.push(missing(field, field, value));
  }
  const dateField = type ? DATE_FIELD[type] : undefined;
  if (refs.date && dateField) {
    rc.timezone ??= await tenantTimezone(tx, rc.ctx.tenantId);
    const at = parseDateTime(refs.date, rc.timezone);
    if (at) input[dateField] = at;
    else errors.push({ field: 'date', message: 'fields.invalid_date' });
  } else if (!refs.date && (type === 'meeting' || type === 'task')) errors.push({ field: 'date', message: 'fields.required' });
}

/**
 * Turns the cells that name other records into ids: a name, email or id that finds nothing is a
 * row error (never a silently empty link). Lead statuses and activity types accept Chinese labels.
 */
export async function resolveReferences(
  tx: Tx,
  rc: RefContext,
  object: ImportObject,
  refs: Record<string, string>,
  input: Record<string, unknown>,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (object === 'contact' || object === 'company') return errors;
  await ownerOf(tx, refs, input, errors);
  if (object === 'lead' && typeof input.status === 'string') input.status = LEAD_STATUS[input.status] ?? input.status.toLowerCase();
  if (object === 'deal') await dealRefs(tx, rc, refs, input, errors);
  if (object === 'activity') await activityRefs(tx, rc, refs, input, errors);
  return errors;
}
