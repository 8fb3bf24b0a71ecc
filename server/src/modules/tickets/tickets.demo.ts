import { inTenant } from '#db/tx.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { newId } from '#platform/ids.ts';
import { createRecord } from '#platform/records/record-service.ts';
import { seedDemoDesk } from './service-desk.demo.ts';
import { insertTicketMessage, type TicketMessageKind } from './ticket-messages.repo.ts';
import { ticketDefinition } from './tickets.definition.ts';
import type { TicketChannel, TicketPriority, TicketStatus, TTicket } from './tickets.schema.ts';

type Ref = { id: string; ownerId: string | null; companyId?: string | null };
type DemoTicket = {
  subject: string;
  contact: number;
  channel: TicketChannel;
  priority: TicketPriority;
  status: TicketStatus;
  category: string;
  thread: [TicketMessageKind, string][];
};

const DEMO_TICKETS: DemoTicket[] = [
  {
    subject: '登录后报表页面一直转圈',
    contact: 0,
    channel: 'email',
    priority: 'high',
    status: 'new',
    category: '技术支持',
    thread: [['inbound', '你好，今天早上开始登录后打开“销售报表”页面一直在加载，换了浏览器也一样。麻烦尽快看一下，谢谢！']],
  },
  {
    subject: '发票抬头需要修改',
    contact: 1,
    channel: 'phone',
    priority: 'normal',
    status: 'open',
    category: '账务',
    thread: [
      ['inbound', '上个月的发票抬头写成了旧公司名，请帮忙重开。'],
      ['note', '已和财务确认可以重开，等客户提供新的税号。'],
    ],
  },
  {
    subject: 'How do I export all contacts to Excel?',
    contact: 2,
    channel: 'web',
    priority: 'low',
    status: 'waiting_customer',
    category: 'How-to',
    thread: [
      ['inbound', 'Hi, we need a full export of our contacts for an audit. Is there a way to get them as XLSX?'],
      ['reply', 'Hello! Open Contacts, choose "Export" at the top right and pick XLSX. Does that give you what you need?'],
    ],
  },
  {
    subject: '接口调用返回 429',
    contact: 3,
    channel: 'api',
    priority: 'urgent',
    status: 'waiting_third_party',
    category: '技术支持',
    thread: [
      ['inbound', '我们的 ERP 同步程序今天大量收到 429 Too Many Requests。'],
      ['note', '已提交给云服务商排查网关限流配置。'],
    ],
  },
  {
    subject: 'Password reset e-mail never arrives',
    contact: 4,
    channel: 'email',
    priority: 'normal',
    status: 'resolved',
    category: 'Account',
    thread: [
      ['inbound', 'I requested a password reset three times and got nothing.'],
      ['reply', 'Our mail server was blocked by your spam filter; we have added SPF records. Please try again.'],
      ['inbound', 'Works now, thanks!'],
    ],
  },
  {
    subject: '续费合同盖章版本',
    contact: 5,
    channel: 'portal',
    priority: 'normal',
    status: 'closed',
    category: '账务',
    thread: [
      ['inbound', '请发送盖章版续费合同的扫描件。'],
      ['reply', '已发送到您的邮箱，请查收。'],
    ],
  },
];

const BILLING = new Set(['账务']);

/**
 * The desk (queues, macros, an SLA policy: service-desk.demo.ts), then bilingual tickets in every
 * status, each in its category's queue, with short threads (inbound mail, replies, notes), for the demo customers.
 */
export async function seedDemoTickets(o: { deps: Deps; ctx: RequestContext; contacts: Ref[]; agents: string[] }): Promise<number> {
  const desk = await seedDemoDesk({ deps: o.deps, ctx: o.ctx, agents: o.agents });
  let created = 0;
  for (const [i, d] of DEMO_TICKETS.entries()) {
    const contact = o.contacts[d.contact % Math.max(o.contacts.length, 1)];
    const assignee = d.status === 'new' ? null : (o.agents[i % Math.max(o.agents.length, 1)] ?? null);
    const ticket: TTicket = await createRecord({
      deps: o.deps,
      ctx: o.ctx,
      def: ticketDefinition,
      input: {
        subject: d.subject,
        description: d.thread[0]?.[1] ?? '',
        channel: d.channel,
        priority: d.priority,
        status: d.status,
        category: d.category,
        queueId: BILLING.has(d.category) ? desk.queues.billing : desk.queues.support,
        ...(contact ? { contactId: contact.id } : {}),
        ...(assignee ? { assigneeId: assignee } : {}),
      },
    });
    await inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
      for (const [j, [kind, body]] of d.thread.entries()) {
        await insertTicketMessage(tx, {
          tenant_id: o.ctx.tenantId,
          id: newId(),
          ticket_id: ticket.id,
          kind,
          author_id: kind === 'inbound' ? null : (assignee ?? o.ctx.userId),
          from_address: null,
          from_name: kind === 'inbound' ? (ticket.contact?.name ?? null) : null,
          to_address: null,
          subject: j === 0 ? d.subject : null,
          body_text: body,
          body_html: null,
          message_id: null,
          in_reply_to: null,
          mail_message_id: null,
          mentions: [],
        });
      }
    });
    created += 1;
  }
  return created;
}
