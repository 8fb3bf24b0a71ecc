import iconv from 'iconv-lite';
import { sql } from 'kysely';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { databaseAvailable } from '../../../test/db.ts';
import { type InboundSmtp, startInboundSmtp } from './inbound-smtp.service.ts';
import { ticketsKit } from './tickets.test-kit.ts';
import type { TTicket } from './tickets.schema.ts';

const TO = 'support+acme@desk.test';

/** Raw MIME with a body in a legacy Chinese charset, as Outlook and old clients still send. */
function rawMail(o: { from: string; subject: string; body: string; charset: 'gbk' | 'big5'; transfer: 'base64' | 'quoted-printable'; id: string }) {
  const bytes = iconv.encode(o.body, o.charset);
  const body =
    o.transfer === 'base64'
      ? bytes.toString('base64')
      : [...bytes].map((b) => (b >= 33 && b <= 126 && b !== 61 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
  const subject = `=?${o.charset.toUpperCase()}?B?${iconv.encode(o.subject, o.charset).toString('base64')}?=`;
  return [
    `From: ${o.from}`,
    `To: ${TO}`,
    `Subject: ${subject}`,
    `Message-ID: <${o.id}@client.test>`,
    'MIME-Version: 1.0',
    `Content-Type: text/plain; charset=${o.charset}`,
    `Content-Transfer-Encoding: ${o.transfer}`,
    '',
    body.replace(/(.{76})/g, o.transfer === 'base64' ? '$1\r\n' : '$1=\r\n'),
    '',
  ].join('\r\n');
}

describe.skipIf(!databaseAvailable)('e-mail to ticket through the inbound SMTP listener', () => {
  let t: TestApp;
  let kit: ReturnType<typeof ticketsKit>;
  let smtp: InboundSmtp;
  let mailer: Transporter;

  const tickets = async (): Promise<TTicket[]> => (await kit.json(t.admin, 'GET', '/api/v1/tickets?limit=200&sort=createdAt')).json().data;
  const send = (o: SendMailOptions) => mailer.sendMail({ to: TO, ...o });

  beforeAll(async () => {
    t = await createTestApp();
    kit = ticketsKit(t);
    smtp = await startInboundSmtp({ deps: t.deps, port: 0, host: '127.0.0.1', limits: { perSender: 4, windowMs: 60_000 } });
    mailer = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true });
  });
  afterAll(async () => {
    mailer?.close();
    await smtp?.close();
    await t?.close();
  });

  it('a new mail opens a ticket for a new contact; a reply threads by In-Reply-To, by the number in the subject, and by our own reply', async () => {
    await send({
      from: '"韩梅梅" <han.meimei@customer.test>',
      subject: '打印机无法连接',
      text: '你好，办公室的打印机连不上了。',
      messageId: '<first@customer.test>',
    });
    const [ticket] = await tickets();
    expect(ticket).toMatchObject({
      subject: '打印机无法连接',
      channel: 'email',
      status: 'new',
      requesterEmail: 'han.meimei@customer.test',
      contact: { name: '韩梅梅' },
    });
    const contact = (await kit.json(t.admin, 'GET', `/api/v1/contacts/${ticket?.contactId}`)).json();
    expect(contact.emails).toEqual([{ address: 'han.meimei@customer.test' }]);
    const id = ticket?.id as string;

    await send({
      from: 'han.meimei@customer.test',
      subject: 'Re: 打印机无法连接',
      text: '补充：型号是 HP M404。',
      inReplyTo: '<first@customer.test>',
      references: ['<first@customer.test>'],
    });
    await send({ from: 'han.meimei@customer.test', subject: `回复：[${ticket?.number}] 打印机`, text: '还有一台也不行。' });
    expect((await tickets()).length).toBe(1);

    // The agent answers; the customer's client answers that e-mail (In-Reply-To: our Message-ID).
    const answered = await kit.json(t.admin, 'POST', `/api/v1/tickets/${id}/messages`, { kind: 'reply', body: '请重启打印机后再试。' });
    expect(answered.statusCode, answered.body).toBe(201);
    const reply = answered.json();
    const outbound = await sql<{ message_id: string }>`select message_id from ticket_messages where id = ${reply.id}`.execute(t.db.kysely);
    expect((await kit.get(id)).status).toBe('waiting_customer');
    await send({ from: 'han.meimei@customer.test', subject: 'Re: something else', text: '重启后好了，谢谢！', inReplyTo: outbound.rows[0]?.message_id });
    expect((await tickets()).length).toBe(1);
    expect((await kit.get(id)).status).toBe('open');
    const thread = await kit.thread(id);
    expect(thread.map((m) => m.kind)).toEqual(['inbound', 'inbound', 'inbound', 'reply', 'inbound']);
    expect(thread[4]?.bodyText).toBe('重启后好了，谢谢！');
    // The same message delivered twice is stored once.
    await send({ from: 'han.meimei@customer.test', subject: 'dup', text: 'dup', messageId: '<first@customer.test>' });
    expect((await kit.thread(id)).length).toBe(5);
  });

  it('a known address is matched to its contact', async () => {
    const contact = await kit.createContact({ name: 'Ann Lee', emails: [{ address: 'ann@northwind.test' }] });
    await send({ from: 'Ann <ANN@northwind.test>', subject: 'Invoice copy', text: 'Could you resend the invoice?' });
    const ticket = (await tickets()).find((x) => x.subject === 'Invoice copy');
    expect(ticket?.contactId).toBe(contact.id);
  });

  it('auto-replies, bounces and bulk mail never open tickets', async () => {
    const before = (await tickets()).length;
    await send({ from: 'ann@northwind.test', subject: '自动回复: 我正在休假', text: '我 12 月 10 日回来。', headers: { 'Auto-Submitted': 'auto-replied' } });
    await send({ from: 'MAILER-DAEMON@mx.northwind.test', subject: 'Undelivered Mail Returned to Sender', text: 'delivery failed' });
    await send({ from: 'news@shop.test', subject: 'Big sale', text: 'buy', headers: { Precedence: 'bulk' } });
    await send({ from: 'ann@northwind.test', subject: 'Out of office', text: 'away', headers: { 'X-Autoreply': 'yes' } });
    // Malformed MIME (no headers, a broken boundary) is taken and dropped, not a crash.
    await mailer.sendMail({
      envelope: { from: 'odd@customer.test', to: TO },
      raw: 'Content-Type: multipart/mixed; boundary="x\r\n\r\n--y\r\n\x00\xff garbage',
    });
    expect((await tickets()).length).toBe(before);
  });

  it('Chinese in GBK and Big5, base64 and quoted-printable, arrives intact; HTML is sanitised', async () => {
    const cases = [
      { charset: 'gbk', transfer: 'base64', subject: '发票抬头需要修改', body: '上个月的发票抬头写错了，请帮忙重开。谢谢！' },
      { charset: 'gbk', transfer: 'quoted-printable', subject: '系统登录很慢', body: '早上九点到十点之间登录需要一分钟。' },
      { charset: 'big5', transfer: 'base64', subject: '無法匯出報表', body: '點擊匯出後沒有反應，請協助處理。' },
      { charset: 'big5', transfer: 'quoted-printable', subject: '帳號被鎖定', body: '輸入三次密碼後帳號被鎖定了。' },
    ] as const;
    for (const [i, c] of cases.entries()) {
      await mailer.sendMail({
        envelope: { from: `legacy${i}@customer.test`, to: TO },
        raw: rawMail({ ...c, from: `legacy${i}@customer.test`, id: `legacy-${i}` }),
      });
    }
    const all = await tickets();
    for (const c of cases) {
      const ticket = all.find((x) => x.subject === c.subject);
      expect(ticket, c.subject).toBeDefined();
      expect((await kit.thread(ticket?.id as string))[0]?.bodyText).toBe(c.body);
    }
    await send({
      from: 'html@customer.test',
      subject: 'HTML mail',
      html: '<p onclick="steal()">截图见附件 <b>紧急</b></p><script>alert(document.cookie)</script><a href="javascript:alert(1)">点我</a><img src="https://tracker.test/p.gif">',
    });
    const html = (await tickets()).find((x) => x.subject === 'HTML mail');
    const [message] = await kit.thread(html?.id as string);
    expect(message?.bodyHtml).toContain('<b>紧急</b>');
    expect(message?.bodyHtml).not.toMatch(/script|onclick|javascript|tracker/);
    expect(message?.bodyText).toContain('截图见附件');
  });

  it('a reply to a closed ticket opens a follow-up ticket that names it', async () => {
    await send({ from: 'closed@customer.test', subject: 'Old issue', text: 'first', messageId: '<old@customer.test>' });
    const old = (await tickets()).find((x) => x.subject === 'Old issue') as TTicket;
    await kit.json(t.admin, 'PATCH', `/api/v1/tickets/${old.id}`, { status: 'closed' });
    await send({ from: 'closed@customer.test', subject: `Re: [${old.number}] Old issue`, text: 'it is back', inReplyTo: '<old@customer.test>' });
    const followUp = (await tickets()).find((x) => x.subject === `Re: [${old.number}] Old issue`);
    expect(followUp?.id).not.toBe(old.id);
    expect(followUp?.description).toContain(old.number);
    expect(followUp?.followUpOf).toEqual({ id: old.id, name: old.subject });
    expect((await kit.get(old.id)).status).toBe('closed');
  });

  it('a reply to a resolved ticket reopens it; past the desk’s window it opens a linked follow-up instead', async () => {
    await send({ from: 'resolved@customer.test', subject: 'Printer offline', text: 'help', messageId: '<printer@customer.test>' });
    const first = (await tickets()).find((x) => x.subject === 'Printer offline') as TTicket;
    await kit.json(t.admin, 'PATCH', `/api/v1/tickets/${first.id}`, { status: 'resolved' });
    await send({
      from: 'resolved@customer.test',
      subject: `Re: [${first.number}] Printer offline`,
      text: 'still offline',
      inReplyTo: '<printer@customer.test>',
    });
    const reopened = await kit.get(first.id);
    expect([reopened.status, reopened.resolvedAt]).toEqual(['open', null]);
    expect((await kit.thread(first.id)).map((m) => m.bodyText)).toEqual(['help', 'still offline']);

    // The desk reopens within 2 days only: resolved 3 days ago, the reply opens a new ticket that links the old one.
    expect((await kit.json(t.admin, 'PATCH', '/api/v1/ticket-desk-settings', { reopenWithinDays: 2 })).statusCode).toBe(200);
    await kit.json(t.admin, 'PATCH', `/api/v1/tickets/${first.id}`, { status: 'resolved' });
    await sql`update tickets set resolved_at = now() - interval '3 days' where id = ${first.id}`.execute(t.db.kysely);
    const count = (await tickets()).length;
    await send({
      from: 'resolved@customer.test',
      subject: `Re: [${first.number}] Printer offline`,
      text: 'broken again',
      inReplyTo: '<printer@customer.test>',
    });
    const all = await tickets();
    expect(all.length).toBe(count + 1);
    const followUp = all.at(-1) as TTicket;
    expect(followUp).toMatchObject({ followUpOfId: first.id, status: 'new', channel: 'email', contactId: first.contactId });
    expect((await kit.thread(followUp.id)).map((m) => m.bodyText)).toEqual(['broken again']);
    expect((await kit.get(first.id)).status).toBe('resolved');
    // Within the window (resolved just now) it reopens again.
    await sql`update tickets set resolved_at = now() - interval '1 day' where id = ${first.id}`.execute(t.db.kysely);
    await send({
      from: 'resolved@customer.test',
      subject: `Re: [${first.number}] Printer offline`,
      text: 'one more thing',
      inReplyTo: '<printer@customer.test>',
    });
    expect((await kit.get(first.id)).status).toBe('open');
    expect((await tickets()).length).toBe(count + 1);
  });

  it('a desk that reopens closed tickets threads the reply into the closed ticket', async () => {
    expect((await kit.json(t.admin, 'PATCH', '/api/v1/ticket-desk-settings', { closedReply: 'reopen', reopenWithinDays: null })).statusCode).toBe(200);
    await send({ from: 'reopen@customer.test', subject: 'VPN drops', text: 'vpn', messageId: '<vpn@customer.test>' });
    const vpn = (await tickets()).find((x) => x.subject === 'VPN drops') as TTicket;
    await kit.json(t.admin, 'PATCH', `/api/v1/tickets/${vpn.id}`, { status: 'closed' });
    const count = (await tickets()).length;
    await send({ from: 'reopen@customer.test', subject: 'Re: VPN drops', text: 'drops again', inReplyTo: '<vpn@customer.test>' });
    expect((await tickets()).length).toBe(count);
    expect((await kit.get(vpn.id)).status).toBe('open');
    // Back to the default for the tests after this one.
    await kit.json(t.admin, 'PATCH', '/api/v1/ticket-desk-settings', { closedReply: 'follow_up' });
  });

  it('refuses a 30 MB message at the SMTP level and limits a sender (a mail bomb is not a ticket per message)', async () => {
    const before = (await tickets()).length;
    const big = await send({ from: 'big@customer.test', subject: 'Huge', text: 'x'.repeat(30 * 1024 * 1024) }).catch((e: { responseCode?: number }) => e);
    expect((big as { responseCode?: number }).responseCode).toBe(552);
    const results: (number | 'ok')[] = [];
    for (let i = 0; i < 8; i++) {
      const r = await send({ from: 'bomb@customer.test', subject: `Spam ${i}`, text: 'spam' }).then(
        () => 'ok' as const,
        (e: { responseCode?: number }) => e.responseCode ?? 0,
      );
      results.push(r);
    }
    expect(results).toEqual(['ok', 'ok', 'ok', 'ok', 451, 451, 451, 451]);
    expect((await tickets()).length).toBe(before + 4);
    // The server is still up for others.
    await send({ from: 'calm@customer.test', subject: 'Still there?', text: 'hi' });
    expect((await tickets()).length).toBe(before + 5);
  });
});
