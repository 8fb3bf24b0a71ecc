import { describe, expect, it } from 'vitest';
import { automatedReason, bodyText, type InboundMail, numberInSubject, referencedIds, sanitizeMailHtml, slugCandidates } from './inbound-mail.rules.ts';

const mail = (o: Partial<InboundMail> & { header?: Record<string, string> } = {}): InboundMail => ({
  envelopeFrom: 'li@example.cn',
  from: { address: 'li@example.cn', name: '李雷' },
  subject: '打印机无法连接',
  text: '你好',
  html: null,
  messageId: '<a@example.cn>',
  inReplyTo: null,
  references: [],
  contentType: 'text/plain',
  ...o,
  headers: new Map(Object.entries(o.header ?? {})),
});

describe('inbound mail rules', () => {
  it('lets a person through and stops auto-replies, bounces, bulk and daemons', () => {
    expect(automatedReason(mail())).toBeNull();
    expect(automatedReason(mail({ header: { 'auto-submitted': 'no' } }))).toBeNull();
    expect(automatedReason(mail({ header: { 'auto-submitted': 'auto-replied' } }))).toBe('auto-submitted');
    expect(automatedReason(mail({ header: { precedence: 'bulk' } }))).toBe('precedence');
    expect(automatedReason(mail({ header: { 'x-autoreply': 'yes' } }))).toBe('auto-reply header');
    expect(automatedReason(mail({ contentType: 'multipart/report; report-type=delivery-status' }))).toBe('delivery report');
    expect(automatedReason(mail({ envelopeFrom: '' }))).toBe('null sender');
    expect(automatedReason(mail({ from: { address: 'MAILER-DAEMON@mx.example.com', name: '' } }))).toBe('daemon sender');
    expect(automatedReason(mail({ from: { address: 'postmaster@example.com', name: '' } }))).toBe('daemon sender');
  });

  it('reads the thread from In-Reply-To, then References newest first, and the number from the subject', () => {
    expect(referencedIds(mail({ inReplyTo: '<c@x>', references: ['<a@x>', '<b@x>', '<c@x>'] }))).toEqual(['<c@x>', '<b@x>', '<a@x>']);
    expect(numberInSubject('回复：[TK-2026-000012] 打印机无法连接')).toBe('TK-2026-000012');
    expect(numberInSubject('Re: [工单-0001] printer')).toBe('工单-0001');
    expect(numberInSubject('no number here')).toBeNull();
  });

  it('sanitises HTML: no script, handlers, javascript: links or remote beacons; keeps text and formatting', () => {
    const clean = sanitizeMailHtml(
      '<p onclick="x()">你好 <b>世界</b><script>alert(1)</script><a href="javascript:alert(2)">x</a><a href="https://kehu.dev">ok</a><img src="https://t.example/p.gif"><iframe src="https://e"></iframe></p>',
    );
    expect(clean).not.toMatch(/script|onclick|javascript|iframe|t\.example/);
    expect(clean).toContain('你好 <b>世界</b>');
    expect(clean).toContain('href="https://kehu.dev"');
  });

  it('takes the plain text, else the HTML without tags', () => {
    expect(bodyText({ text: ' 纯文本 ', html: '<p>x</p>' })).toBe('纯文本');
    expect(bodyText({ text: '', html: '<p>只有 <b>HTML</b></p><script>bad()</script>' })).toBe('只有 HTML');
  });

  it('finds the tenant slug in the recipient', () => {
    expect(slugCandidates('support+acme@kehu.example')).toEqual(['acme', 'support+acme', 'kehu']);
    expect(slugCandidates('acme@mail.local')).toEqual(['acme', 'mail']);
  });
});
