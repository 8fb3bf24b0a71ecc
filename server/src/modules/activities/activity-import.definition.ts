import type { ImportRefsContext, ImportSpec } from '#platform/objects/import-spec.ts';
import { ZCreateActivityRequest, ZUpdateActivityRequest } from './activities.schema.ts';

/** Types as files write them, in English and Chinese. */
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

/** The type (note when absent), the records it is about (by id, name, a contact also by email) and its date. */
async function resolveActivity({ refs, input, findRecord, dateTime, unresolved, refuse }: ImportRefsContext): Promise<void> {
  const type = refs.type ? ACTIVITY_TYPES[refs.type.toLowerCase()] : 'note';
  if (!type) refuse({ field: 'type', message: 'imports.invalid_activity_type', params: { value: refs.type } });
  else input.type = type;
  for (const field of ['contact', 'company', 'deal'] as const) {
    const value = refs[field];
    if (!value) continue;
    const found = await findRecord(field, value, { email: field === 'contact' });
    if (found) input[`${field}Id`] = found.id;
    else unresolved(field, field, value);
  }
  const dateField = type ? DATE_FIELD[type] : undefined;
  if (refs.date && dateField) {
    const at = await dateTime(refs.date);
    if (at) input[dateField] = at;
    else refuse({ field: 'date', message: 'fields.invalid_date' });
  } else if (!refs.date && (type === 'meeting' || type === 'task')) refuse({ field: 'date', message: 'fields.required' });
}

/** Activities never match existing records: every row is a new note, call, meeting, task or email. */
export const activityImport: ImportSpec = {
  fields: ['type', 'subject', 'body', 'date', 'contact', 'company', 'deal', 'owner'],
  synonyms: {
    type: ['类型', '活动类型', '跟进方式', '跟进类型', 'type', 'activitytype'],
    subject: ['主题', '标题', '跟进主题', 'subject', 'title'],
    body: ['内容', '正文', '跟进内容', '详情', '备注', '描述', 'body', 'content', 'details', 'description', 'notes', 'note'],
    date: ['日期', '时间', '跟进时间', '发生时间', '开始时间', '截止日期', 'date', 'time', 'occurredat', 'startsat', 'duedate', 'activitydate'],
    contact: ['联系人', '联系人邮箱', '邮箱', 'contact', 'contactemail', 'email'],
    company: 'company',
    deal: ['商机', '商机名称', '交易', 'deal', 'dealname', 'opportunity'],
    owner: ['负责人', '所有者', '负责人邮箱', 'owner', 'owneremail', 'assignedto'],
  },
  refs: ['type', 'date', 'contact', 'company', 'deal'],
  matches: [],
  schemas: { create: ZCreateActivityRequest, update: ZUpdateActivityRequest },
  resolve: resolveActivity,
};
