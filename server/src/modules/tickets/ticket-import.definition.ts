import type { ImportRefsContext, ImportSpec } from '#platform/objects/import-spec.ts';
import type { Row } from '#platform/records/records.repo.ts';
import { ZCreateTicketRequest, ZUpdateTicketRequest } from './tickets.schema.ts';

/** Company and contact cells name existing records: by id or name (a contact also by e-mail, which becomes the requester). */
async function resolveTicket({ refs, input, findRecord, unresolved }: ImportRefsContext): Promise<void> {
  if (refs.company) {
    const company = await findRecord('company', refs.company);
    if (company) input.companyId = company.id;
    else unresolved('company', 'company', refs.company);
  }
  if (refs.contact) {
    const contact: Row | undefined = await findRecord('contact', refs.contact, { email: true });
    if (contact) input.contactId = contact.id;
    else unresolved('contact', 'contact', refs.contact);
  }
}

/** Tickets from another help desk: never matched (each row is a ticket), numbered from the tenant's series. */
export const ticketImport: ImportSpec = {
  fields: ['subject', 'description', 'company', 'contact', 'requesterEmail', 'channel', 'category', 'priority', 'status', 'owner', 'tags'],
  synonyms: {
    subject: ['主题', '工单主题', '标题', '问题', 'subject', 'title', 'ticketsubject', 'summary'],
    description: ['描述', '问题描述', '内容', 'description', 'body', 'details'],
    contact: ['联系人', '联系人姓名', '联系人邮箱', '客户联系人', 'contact', 'contactname', 'contactemail', 'requester'],
    requesterEmail: ['提交人邮箱', '请求人邮箱', 'requesteremail', 'fromemail'],
    channel: ['渠道', '来源', 'channel', 'source', 'origin'],
    category: ['分类', '类别', '问题分类', 'category', 'type'],
    priority: ['优先级', '紧急程度', 'priority', 'urgency'],
    status: ['状态', '工单状态', 'status', 'state'],
    owner: ['负责人', '处理人', '客服', '负责人邮箱', 'owner', 'assignee', 'agent', 'assignedto'],
  },
  cells: { tags: 'list' },
  refs: ['company', 'contact'],
  matches: [],
  schemas: { create: ZCreateTicketRequest, update: ZUpdateTicketRequest },
  resolve: resolveTicket,
};
