import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { importsClient, tempFile } from './imports.test-kit.ts';

type Rec = Record<string, unknown> & { id: string; name: string };

/** Leads, deals and activities through the same upload -> map -> run -> rollback path as contacts. */
describe.skipIf(!databaseAvailable)('imports: leads, deals, activities', () => {
  let t: TestApp;
  let api: ReturnType<typeof importsClient>;
  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, headers?: Record<string, string>) => {
    const res = await t.request(t.admin, { method, url, ...(payload ? { payload } : {}), ...(headers ? { headers } : {}) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res;
  };
  const list = async (path: string, filter?: object): Promise<Rec[]> =>
    (await call('GET', `/api/v1/${path}?limit=200${filter ? `&filter=${encodeURIComponent(JSON.stringify(filter))}` : ''}`)).json().data;
  /** Upload, keep the suggested mapping, run, and answer with the finished job. */
  const importCsv = async (object: string, name: string, lines: string[], dedup?: object) => {
    const imp = await api.uploaded(await tempFile(name, lines.join('\n')), object);
    if (dedup) await api.configure(imp.id, { dedup });
    await api.start(imp.id);
    await api.run(imp.id);
    return { uploaded: imp, done: await api.get(imp.id) };
  };
  const rollback = async (id: string) => {
    await api.rollback(id);
    await api.runRollback(id);
    expect((await api.get(id)).status).toBe('rolled_back');
  };
  let company: Rec;
  let contact: Rec;

  beforeAll(async () => {
    t = await createTestApp();
    api = importsClient(t, t.admin);
    company = (await call('POST', '/api/v1/companies', { name: '星辰科技' })).json();
    await call('POST', '/api/v1/exchange-rates', { currency: 'USD', rate: '7.1', effectiveDate: '2020-01-01' });
    contact = (await call('POST', '/api/v1/contacts', { name: '李雷', emails: [{ address: 'lilei@xc.cn' }], companyId: company.id })).json();
  });
  afterAll(async () => t?.close());

  it('imports leads through capture: source "import", Chinese statuses, owners by email, merge rules, rollback', async () => {
    await call('POST', '/api/v1/leads', { name: '老客户', emails: [{ address: 'old@lead.cn' }] });
    const zhou = (await call('POST', '/api/v1/leads', { name: '周八', phones: [{ number: '13900000000' }] })).json();
    const settings = await call('GET', '/api/v1/lead-settings');
    const dedupRules = [
      { kind: 'email', action: 'merge', enabled: true },
      { kind: 'phone', action: 'warn', enabled: true },
    ];
    await call('PATCH', '/api/v1/lead-settings', { dedupRules }, { 'if-match': settings.headers.etag as string });
    const { uploaded, done } = await importCsv('lead', 'leads.csv', [
      '姓名,公司,手机,邮箱,线索来源,状态,负责人',
      `王小明,星河科技,13800138001,wxm@lead.cn,,已联系,${t.admin.email}`,
      '老客户,新公司,,old@lead.cn,展会,,',
      '赵六,,,zl@lead.cn,,,nobody@nowhere.cn',
      '周小八,,139 0000 0000,,,,',
    ]);
    // Leads leave duplicates to their own rules unless the user picks a match.
    expect(uploaded.dedup).toEqual({ match: 'none', action: 'skip' });
    expect(uploaded.mapping.map((m) => m.field)).toEqual(['name', 'companyName', 'mobile', 'email', 'source', 'status', 'owner']);
    expect(done, await api.errorsCsv(done.id)).toMatchObject({ status: 'done', progress: { created: 2, updated: 1, failed: 1 } });
    expect(await api.errorsCsv(done.id)).toContain('No user with the email “nobody@nowhere.cn”');

    const leads = await list('leads');
    const created = leads.find((l) => l.name === '王小明');
    expect(created).toMatchObject({ source: 'import', status: 'contacted', companyName: '星河科技', ownerId: t.admin.id });
    const captures = (await call('GET', `/api/v1/leads/${created?.id}/captures`)).json();
    expect(captures.data ?? captures).toEqual([expect.objectContaining({ channel: 'import', outcome: 'created' })]);
    const merged = leads.find((l) => l.name === '老客户');
    expect(merged).toMatchObject({ companyName: '新公司', source: '展会' });
    expect(leads.filter((l) => l.name === '老客户')).toHaveLength(1);
    // A warn rule keeps the row and marks it, as "create anyway" does.
    expect(leads.find((l) => l.name === '周小八')).toMatchObject({ duplicateOf: zhou.id });

    await rollback(done.id);
    const after = await list('leads');
    expect(after.map((l) => l.name).sort()).toEqual(['周八', '老客户']);
    expect(after.find((l) => l.name === '老客户')).toMatchObject({ companyName: null, source: null });
  });

  it('imports deals with company, contact, stage (zh or en), money and close date; unknown references are row errors; rollback', async () => {
    const { uploaded, done } = await importCsv('deal', 'deals.csv', [
      '商机名称,公司,联系人,阶段,金额,预计成交日期,负责人',
      `年度采购,星辰科技,lilei@xc.cn,方案报价,"¥120,000",2026/12/31,${t.admin.email}`,
      '海外项目,,李雷,Negotiation,USD 5000.50,,',
      '失败单,无此公司,,,1000,,',
      '错阶段,星辰科技,,不存在的阶段,1,,',
      '默认阶段,星辰科技,,,,,',
    ]);
    expect(uploaded.mapping.map((m) => m.field)).toEqual(['name', 'company', 'contact', 'stage', 'amount', 'expectedCloseDate', 'owner']);
    expect(done, await api.errorsCsv(done.id)).toMatchObject({ status: 'done', progress: { created: 3, failed: 2 } });
    const report = await api.errorsCsv(done.id);
    expect(report).toContain('No company named “无此公司”');
    expect(report).toContain('The pipeline has no stage named “不存在的阶段”');

    const pipeline = (await call('GET', '/api/v1/pipelines')).json().data.find((p: { isDefault: boolean }) => p.isDefault);
    const stageId = (en: string) => pipeline.stages.find((s: { name: { en: string } }) => s.name.en === en)?.id;
    const deals = await list('deals');
    expect(deals).toHaveLength(3);
    const byName = (n: string) => deals.find((d) => d.name === n);
    expect(byName('年度采购')).toMatchObject({
      companyId: company.id,
      contactId: contact.id,
      stageId: stageId('Proposal'),
      currency: 'CNY',
      expectedCloseDate: '2026-12-31',
      ownerId: t.admin.id,
    });
    expect(Number(byName('年度采购')?.amount)).toBe(120000);
    // A deal named by its contact only sits with the contact's company.
    expect(byName('海外项目')).toMatchObject({ companyId: company.id, contactId: contact.id, stageId: stageId('Negotiation'), currency: 'USD' });
    expect(Number(byName('海外项目')?.amount)).toBe(5000.5);
    expect(byName('默认阶段')).toMatchObject({ pipelineId: pipeline.id, stageId: pipeline.stages[0].id });

    await rollback(done.id);
    expect(await list('deals')).toEqual([]);
  });

  it('imports activities linked by contact email, company name or deal name, with Chinese types; rollback', async () => {
    const deal = (await call('POST', '/api/v1/deals', { name: '续约', companyId: company.id })).json();
    const { uploaded, done } = await importCsv('activity', 'activities.csv', [
      '类型,主题,内容,日期,联系人邮箱,公司,商机',
      '电话,首次沟通,聊了需求,2026-11-20 14:30,lilei@xc.cn,,',
      '会议,方案演示,,2026/11/25 10:00,,星辰科技,',
      '任务,发合同,,2026-12-01,,,续约',
      '备注,随手记,记得回访,,,星辰科技,',
      '吃饭,请客,,,,星辰科技,',
      '电话,找不到人,,,nobody@x.cn,,',
    ]);
    expect(uploaded.mapping.map((m) => m.field)).toEqual(['type', 'subject', 'body', 'date', 'contact', 'company', 'deal']);
    expect(done).toMatchObject({ status: 'done', progress: { created: 4, failed: 2 } });
    const report = await api.errorsCsv(done.id);
    expect(report).toContain('Unknown activity type “吃饭”');
    expect(report).toContain('No contact found for “nobody@x.cn”');

    const acts = await list('activities');
    const bySubject = (s: string) => acts.find((a) => a.subject === s);
    // Wall times are read in the tenant's zone (Asia/Shanghai, UTC+8).
    expect(bySubject('首次沟通')).toMatchObject({
      type: 'call',
      body: '聊了需求',
      contactId: contact.id,
      companyId: company.id,
      occurredAt: '2026-11-20T06:30:00.000Z',
    });
    expect(bySubject('方案演示')).toMatchObject({ type: 'meeting', companyId: company.id, startsAt: '2026-11-25T02:00:00.000Z' });
    expect(bySubject('发合同')).toMatchObject({ type: 'task', dealId: deal.id, companyId: company.id, dueAt: '2026-12-01T01:00:00.000Z' });
    expect(bySubject('随手记')).toMatchObject({ type: 'note', companyId: company.id });

    await rollback(done.id);
    expect((await list('activities')).filter((a) => ['首次沟通', '方案演示', '发合同', '随手记'].includes(a.subject as string))).toEqual([]);
  });

  it('dry-runs deal rows: unresolved references come back translated, nothing is written', async () => {
    const imp = await api.uploaded(
      await tempFile('preview.csv', ['商机名称,公司,负责人', '试算单,没有这家公司,nobody@nowhere.cn', '试算单二,星辰科技,'].join('\n')),
      'deal',
    );
    const res = await t.request(t.admin, { method: 'POST', url: `/api/v1/imports/${imp.id}/preview`, headers: { 'accept-language': 'zh-CN' } });
    expect(res.statusCode).toBe(200);
    const preview = res.json() as { rows: { outcome: string; errors: { field: string; text: string }[] }[]; counts: Record<string, number> };
    expect(preview.counts).toMatchObject({ created: 1, failed: 1 });
    expect(preview.rows[0]?.errors).toEqual([
      expect.objectContaining({ field: 'owner', text: '找不到邮箱为“nobody@nowhere.cn”的用户' }),
      expect.objectContaining({ field: 'company', text: '找不到名为“没有这家公司”的公司（按名称或 ID）' }),
    ]);
    expect((await list('deals')).filter((d) => d.name.startsWith('试算单'))).toEqual([]);
  });

  it('imports a vCard file as contacts (QP-encoded Chinese names, folded lines, two cards) and rolls it back', async () => {
    const qp = (text: string) => [...Buffer.from(text, 'utf8')].map((b) => `=${b.toString(16).toUpperCase()}`).join('');
    const org = qp('深圳市腾云信息技术有限公司');
    const vcf = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      `N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${qp('陈')};${qp('静')};;;`,
      `FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${qp('陈静')}`,
      `ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${org.slice(0, 30)}=`,
      org.slice(30),
      'TEL;CELL:13912345678',
      'EMAIL;HOME:chenjing@example.cn',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Maria Garcia',
      'N:Garcia;Maria;;;',
      'TITLE:Procurement ',
      ' Manager',
      'EMAIL;TYPE=INTERNET,WORK:maria@example.es',
      'EMAIL;TYPE=INTERNET,HOME:maria.garcia@example.com',
      'TEL;TYPE=WORK,VOICE:+34 912 345 678',
      'NOTE:Met at CES\\, Las Vegas',
      'END:VCARD',
      '',
    ].join('\r\n');
    const res = await api.upload(await tempFile('contacts.vcf', vcf), 'contact', 'text/vcard');
    expect(res.statusCode).toBe(201);
    const imp = res.json();
    expect(imp).toMatchObject({ format: 'vcf', totalRows: 2 });
    expect(imp.mapping.map((m: { field: string }) => m.field)).toEqual(
      expect.arrayContaining(['name', 'familyName', 'givenName', 'company', 'title', 'email', 'mobile', 'phone', 'description']),
    );
    await api.start(imp.id);
    await api.run(imp.id);
    expect((await api.get(imp.id)).progress).toMatchObject({ created: 2, failed: 0 });
    const chen = (await api.contacts({ name: { eq: '陈静' } }))[0];
    expect(chen).toMatchObject({ emails: [{ address: 'chenjing@example.cn' }], company: { name: '深圳市腾云信息技术有限公司' } });
    expect(chen?.phones[0]?.e164).toBe('+8613912345678');
    const maria = (await api.contacts({ name: { eq: 'Maria Garcia' } }))[0];
    expect(maria).toMatchObject({ title: 'Procurement Manager', emails: [{ address: 'maria@example.es' }, { address: 'maria.garcia@example.com' }] });
    expect(maria?.phones[0]?.e164).toBe('+34912345678');

    await rollback(imp.id);
    expect(await api.contacts({ name: { in: ['陈静', 'Maria Garcia'] } })).toEqual([]);
  });
});
