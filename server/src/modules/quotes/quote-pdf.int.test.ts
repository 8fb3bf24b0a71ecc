import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningJobs } from '#platform/jobs/start-jobs.ts';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { FAST, startJobs, waitFor } from '#test/jobs-kit.ts';
import { startTestSmtp, type TestSmtp } from '#test/smtp-kit.ts';
import { quotesKit } from './quotes.test-kit.ts';

const dir = mkdtempSync(join(tmpdir(), 'kehu-quote-pdf-'));

/** The PDF as poppler reads it: its text, and its first page as PNG plus the share of non-white pixels (grayscale PGM). */
function inspect(pdf: Buffer, name: string) {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, join(dir, name)]);
  execFileSync('pdftoppm', ['-gray', '-r', '40', '-f', '1', '-l', '1', '-singlefile', file, join(dir, `${name}-gray`)]);
  const pgm = readFileSync(join(dir, `${name}-gray.pgm`));
  // P5 header: magic, width, height, maxval, each followed by whitespace; then one byte a pixel.
  const header = pgm.toString('latin1', 0, 40).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error('pdftoppm wrote no PGM');
  const pixels = pgm.subarray(header[0].length);
  let inked = 0;
  for (const p of pixels) if (p < 200) inked++;
  return { text, png: join(dir, `${name}.png`), inked: inked / pixels.length };
}

describe.skipIf(!databaseAvailable)('quote PDF and e-mail', () => {
  let t: TestApp;
  let kit: ReturnType<typeof quotesKit>;
  let rep: TestUser;
  let rep2: TestUser;
  let smtp: TestSmtp;
  let jobs: RunningJobs;
  let quote: { id: string; number: string; total: string; companyId: string };

  beforeAll(async () => {
    t = await createTestApp();
    kit = quotesKit(t);
    smtp = await startTestSmtp();
    await kit.call(t.admin, 'PUT', '/api/v1/mail/settings', { host: '127.0.0.1', port: smtp.port, from: 'Acme <sales@acme.test>' });
    rep = await t.createUser({ role: 'Sales Rep', name: '王小明' });
    rep2 = await t.createUser({ role: 'Sales Rep', name: '李四' });
    const p1 = await kit.product({
      sku: 'CRM-STD',
      name: '标准版 年度订阅',
      nameEn: 'Standard edition, annual',
      listPrice: '1200.00',
      taxRate: '6',
      unit: '套',
    });
    const p2 = await kit.product({ sku: 'IMPL-DAY', name: '实施服务 人天', nameEn: 'Implementation, per day', listPrice: '2500.00', taxRate: '6' });
    const company = await kit.company(rep, '星辰科技有限公司');
    const contact = (
      await kit.call(rep, 'POST', '/api/v1/contacts', { name: '张伟', companyId: company.id, emails: [{ address: 'zhang.wei@xingchen.cn' }] })
    ).json();
    const res = await kit.quote(rep, {
      name: '年度 CRM 订阅',
      companyId: company.id,
      contactId: contact.id,
      headerDiscount: '5',
      validUntil: '2027-01-31',
      terms: '付款方式：合同签订后 30 日内支付全款。Payment within 30 days.',
      lines: [
        { productId: p1.id, quantity: '3', discountPercent: '10' },
        { productId: p2.id, quantity: '1.5' },
        { description: '差旅费 Travel', quantity: '1', unitPrice: '800', taxRate: '0' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    quote = res.json();
    jobs = await startJobs(t.deps, FAST);
  });
  afterAll(async () => {
    await jobs?.stop();
    await smtp?.close();
    await t?.close();
  });

  it('renders the Chinese PDF: Chinese text survives (pdftotext), the page is not blank (pdftoppm)', async () => {
    const res = await kit.call(rep, 'GET', `/api/v1/quotes/${quote.id}/pdf?locale=zh-CN`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, png, inked } = inspect(res.rawPayload, 'quote-zh');
    console.log(`quote PDF page (zh-CN): ${png}`);
    for (const s of ['报价单', quote.number, '星辰科技有限公司', '张伟', '标准版 年度订阅', '实施服务 人天', '差旅费 Travel', '付款方式', '王小明'])
      expect(text).toContain(s);
    // 3 x 1200 - 10 % = 3240; 1.5 x 2500 = 3750; 800 -> 7790, 5 % off = 7400.50; tax 6 % on the products' part.
    const total = Number(quote.total).toLocaleString('en-US', { minimumFractionDigits: 2 });
    expect(text).toContain(total);
    expect(inked).toBeGreaterThan(0.01);
    expect(inked).toBeLessThan(0.5);
  });

  it('renders the English PDF with the products’ English names; the fonts are embedded subsets', async () => {
    const res = await kit.call(rep, 'GET', `/api/v1/quotes/${quote.id}/pdf?locale=en`);
    expect(res.statusCode).toBe(200);
    const { text, png } = inspect(res.rawPayload, 'quote-en');
    console.log(`quote PDF page (en): ${png}`);
    for (const s of ['QUOTATION', 'Standard edition, annual', 'Implementation, per day', 'Valid until', '2027-01-31']) expect(text).toContain(s);
    expect(text).not.toContain('标准版 年度订阅');
    const fonts = execFileSync('pdffonts', [join(dir, 'quote-en.pdf')], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSansSC/);
    expect(
      fonts
        .split('\n')
        .filter((l) => l.includes('NotoSansSC'))
        .every((l) => / yes +yes /.test(l)),
    ).toBe(true);
    // A subset: far smaller than the 10 MB fonts.
    expect(res.rawPayload.length).toBeLessThan(400_000);
  });

  it('follows the quote’s read scope: another rep gets 404', async () => {
    expect((await kit.call(rep2, 'GET', `/api/v1/quotes/${quote.id}/pdf`)).statusCode).toBe(404);
  });

  it('refuses to e-mail a draft (409, translated) and sends nothing', async () => {
    const res = await kit.call(rep, 'POST', `/api/v1/quotes/${quote.id}/email`, {}, { 'accept-language': 'zh-CN' });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toBe('只有已审批或已发送的报价单可以发送邮件');
  });

  it('e-mails the approved quote to its contact with the PDF attached; the quote becomes sent; both timelines show it', async () => {
    const submitted = await kit.call(rep, 'POST', `/api/v1/quotes/${quote.id}/submit`, {});
    expect(submitted.json().quote.status).toBe('approved');
    const res = await kit.call(rep, 'POST', `/api/v1/quotes/${quote.id}/email`, { locale: 'zh-CN', message: '张总，您好！' });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ to: 'zhang.wei@xingchen.cn', quote: { status: 'sent' } });
    await waitFor(() => smtp.received.some((m) => m.subject?.includes(quote.number)), 40_000, 'the quote e-mail');
    const mail = smtp.received.find((m) => m.subject?.includes(quote.number));
    expect(mail?.subject).toBe(`报价单 ${quote.number}：年度 CRM 订阅`);
    expect(mail?.text).toContain('张总，您好！');
    expect(mail?.attachments).toHaveLength(1);
    const [file] = mail?.attachments ?? [];
    expect(file).toMatchObject({ filename: `${quote.number}.pdf`, contentType: 'application/pdf' });
    expect(file?.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(inspect(file?.content as Buffer, 'quote-mailed').text).toContain('标准版 年度订阅');
    const actions = async (path: string) => ((await kit.call(rep, 'GET', path)).json().data as { action?: string }[]).map((i) => i.action);
    await waitFor(async () => (await actions(`/api/v1/quotes/${quote.id}/timeline`)).includes('email_sent'), 20_000, 'the quote timeline');
    expect(await actions(`/api/v1/companies/${quote.companyId}/timeline`)).toContain('email_sent');
  });

  it('needs a recipient when the contact has none (400, field `to`)', async () => {
    const company = await kit.company(rep, '无邮箱公司');
    const q = (await kit.quote(rep, { companyId: company.id, name: 'No contact', lines: [{ description: 'x', quantity: '1', unitPrice: '1' }] })).json();
    await kit.call(rep, 'POST', `/api/v1/quotes/${q.id}/submit`, {});
    const res = await kit.call(rep, 'POST', `/api/v1/quotes/${q.id}/email`, {});
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toMatchObject([{ field: 'to' }]);
  });
});
