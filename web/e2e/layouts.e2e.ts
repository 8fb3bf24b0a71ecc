import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { Api } from './support/api';
import { DESKTOP, keepFailure, launch, newContext, shot } from './support/browser';
import { login } from './support/login';
import { ADMIN, type RunningServer, startServer } from './support/server';

type Layout = {
  object: string;
  listColumns: string[] | null;
  sections: { id: string; label: { zh: string; en: string }; fields: string[] }[] | null;
  version: number;
};

let server: RunningServer;
let browser: Browser;
let page: Page;
let api: Api;
let contactId = '';

const dialog = (p: Page) => p.locator('.ant-modal:visible');
const column = (p: Page, key: string) => p.locator(`[data-testid=layout-column][data-key="${key}"]`);
const fieldChip = (p: Page, key: string) => p.locator(`[data-testid=layout-field][data-key="${key}"]`);
const section = (p: Page, label: string) => p.locator(`[data-testid=layout-section][data-label="${label}"]`);
const texts = async (l: Locator) => (await l.allTextContents()).map((s) => s.trim()).filter(Boolean);

/**
 * The header's language menu, tried again when a pick does not take (seen when the menu was still
 * moving in; support/browser.ts switchLanguage waits once).
 */
async function pickLanguage(p: Page, label: 'English' | '简体中文'): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await p.getByTestId('language-switch').click();
    const item = p.locator('.ant-dropdown:visible .ant-dropdown-menu-item', { hasText: label });
    await item.waitFor();
    await p.waitForTimeout(300);
    await item.click();
    const switched = await p
      .getByTestId('language-switch')
      .filter({ hasText: label })
      .waitFor({ timeout: 5000 })
      .then(
        () => true,
        () => false,
      );
    if (switched) return;
    await p.keyboard.press('Escape');
  }
  assert.fail(`the language did not switch to ${label}`);
}

/** Drags by the row's handle with the mouse, in small steps, as a person would (dnd-kit's pointer sensor). */
async function drag(p: Page, from: Locator, to: Locator): Promise<void> {
  const a = await from.getByRole('button', { name: '拖动排序' }).boundingBox();
  const b = await to.boundingBox();
  assert.ok(a && b, 'both ends of the drag are on screen');
  await p.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await p.mouse.down();
  await p.mouse.move(a.x + a.width / 2 + 6, a.y + a.height / 2 + 6, { steps: 3 });
  await p.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 20 });
  await p.mouse.move(b.x + b.width / 2, b.y + b.height / 2 + 1, { steps: 2 });
  await p.mouse.up();
  await p.waitForTimeout(200);
}

async function addSection(p: Page, zh: string, en: string): Promise<void> {
  await p.getByTestId('add-section').click();
  await dialog(p).getByTestId('section-label-zh').fill(zh);
  await dialog(p).getByTestId('section-label-en').fill(en);
  await dialog(p).locator('.ant-modal-footer .ant-btn-primary').click();
  await section(p, zh).waitFor();
  // The closing modal's mask takes the pointer until it is gone; a drag started under it never begins.
  await p.locator('.ant-modal-wrap').waitFor({ state: 'detached' });
}

describe('Settings > Layouts: contacts list columns and detail sections', { concurrency: false }, () => {
  before(async () => {
    server = await startServer();
    browser = await launch();
    page = await (await newContext(browser, server.url, { viewport: DESKTOP, locale: 'zh-CN' })).newPage();
    api = await Api.login(server.url);
    const company = await api.call<{ id: string }>('POST', '/companies', { name: '星辰贸易有限公司' });
    contactId = (
      await api.call<{ id: string }>('POST', '/contacts', {
        familyName: '王',
        givenName: '芳',
        name: '王芳',
        title: '采购经理',
        department: '采购部',
        companyId: company.id,
        phones: [{ label: 'mobile', number: '+8613800138000' }],
        emails: [{ label: 'work', address: 'wang.fang@xingchen.cn' }],
      })
    ).id;
    await login(page, ADMIN.email, ADMIN.password);
  });
  afterEach(keepFailure(() => page));
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('an admin sets the contacts list columns and two sections, and saves', async () => {
    await page.goto('/settings/layouts?object=contact');
    await page.getByTestId('settings-menu').getByText('页面布局').waitFor();
    await column(page, 'name').waitFor();
    await shot(page, '80-layouts-contact-defaults');

    // Columns: 姓名, 职位, 电话, 邮箱, 所属客户 — untick four defaults, tick 邮箱, drag 所属客户 to the end.
    // A ticked row leaves the sortable list when unticked (and the other way round), so click rather than (un)check.
    for (const key of ['tier', 'lifecycleStage', 'tags', 'ownerId']) {
      await column(page, key).locator('input[type=checkbox]').click();
      await page.locator(`[data-testid=layout-hidden-column][data-key="${key}"]`).waitFor();
    }
    await page.locator('[data-testid=layout-hidden-column][data-key=emails] input').click();
    await column(page, 'emails').waitFor();
    await drag(page, column(page, 'companyId'), column(page, 'emails'));
    assert.deepEqual(await page.getByTestId('layout-column').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key'))), [
      'name',
      'title',
      'phones',
      'emails',
      'companyId',
    ]);

    // Sections: 基本信息 = 姓名, 职位 and 联系方式 = 电话, 邮箱 — dragged into an empty section, dragged onto a
    // field (taking its place), and sent with a field's menu (to the end).
    await addSection(page, '基本信息', 'Basic information');
    await addSection(page, '联系方式', 'Contact details');
    await drag(page, fieldChip(page, 'title'), section(page, '基本信息').getByText('把字段拖到这里'));
    await drag(page, fieldChip(page, 'name'), fieldChip(page, 'title'));
    await drag(page, fieldChip(page, 'phones'), section(page, '联系方式').getByText('把字段拖到这里'));
    await fieldChip(page, 'emails').getByTestId('layout-field-move').click();
    await page.locator('.ant-dropdown:visible .ant-dropdown-menu-item', { hasText: '联系方式' }).click();
    const keysIn = (label: string) =>
      section(page, label)
        .getByTestId('layout-field')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')));
    assert.deepEqual(await keysIn('基本信息'), ['name', 'title']);
    assert.deepEqual(await keysIn('联系方式'), ['phones', 'emails']);
    await page.getByText('有未保存的更改').waitFor();
    await shot(page, '81-layouts-contact-edited');

    await page.getByTestId('layout-save').click();
    await page.locator('.ant-message-notice', { hasText: '布局已保存' }).waitFor();
    const saved = await api.call<Layout>('GET', '/layouts/contact');
    assert.deepEqual(saved.listColumns, ['name', 'title', 'phones', 'emails', 'companyId']);
    assert.deepEqual(
      saved.sections?.map((s) => [s.label, s.fields]),
      [
        [{ zh: '基本信息', en: 'Basic information' }, ['name', 'title']],
        [{ zh: '联系方式', en: 'Contact details' }, ['phones', 'emails']],
      ],
    );
    assert.equal(saved.version, 1);
    await page.getByText('已自定义').waitFor();
    await shot(page, '82-layouts-contact-saved');
  });

  test('a contact shows the sections in order, the other fields under 其他', async () => {
    await page.goto(`/contacts/${contactId}`);
    const titles = page.getByTestId('record-section-title');
    await titles.first().waitFor();
    assert.deepEqual(await texts(titles), ['基本信息', '联系方式', '其他']);
    const basics = page.locator('.ant-collapse-item').filter({ has: page.getByText('基本信息', { exact: true }) });
    assert.deepEqual(await texts(basics.locator('.ant-descriptions-item-label')), ['姓名', '职位']);
    const reach = page.locator('.ant-collapse-item').filter({ has: page.getByText('联系方式', { exact: true }) });
    assert.deepEqual(await texts(reach.locator('.ant-descriptions-item-label')), ['电话', '邮箱']);
    await reach.getByText('wang.fang@xingchen.cn').waitFor();
    const other = page.locator('.ant-collapse-item').filter({ has: page.getByText('其他', { exact: true }) });
    await other.getByText('采购部').waitFor();
    await shot(page, '83-layouts-contact-detail-sections');
  });

  test('the contacts list shows the chosen columns', async () => {
    await page.goto('/contacts');
    await page.getByText('王芳').first().waitFor();
    assert.deepEqual(await texts(page.locator('.ant-table-thead th')), ['姓名', '职位', '电话', '邮箱', '所属客户']);
    await shot(page, '84-layouts-contacts-list');
  });

  test('in English the sections carry their English labels', async () => {
    await page.goto(`/contacts/${contactId}`);
    await page.getByTestId('record-section-title').first().waitFor();
    await page.waitForLoadState('networkidle');
    await pickLanguage(page, 'English');
    await page.getByTestId('record-section-title').filter({ hasText: 'Basic information' }).waitFor();
    assert.deepEqual(await texts(page.getByTestId('record-section-title')), ['Basic information', 'Contact details', 'Other']);
    await shot(page, '85-layouts-contact-detail-en');
    await page.goto('/settings/layouts?object=contact');
    await section(page, 'Basic information').waitFor();
    await shot(page, '86-layouts-settings-en');
    await pickLanguage(page, '简体中文');
  });

  test('deals follow their layout too: the list columns and the facts in sections', async () => {
    const deal = await api.call<{ id: string }>('POST', '/deals', { name: '星辰贸易 年度采购', amount: '120000', currency: 'CNY' });
    await api.call('PUT', '/layouts/deal', {
      listColumns: ['name', 'amount', 'stageId', 'ownerId'],
      sections: [{ id: 'money', label: { zh: '金额与概率', en: 'Amount and odds' }, fields: ['amount', 'probability', 'forecastCategory'] }],
    });
    await page.goto('/deals?view=list');
    await page.getByTestId('deal-list').locator('tr.ant-table-row').first().waitFor();
    assert.deepEqual(await texts(page.getByTestId('deal-list').locator('.ant-table-thead th')), ['商机名称', '金额', '阶段', '负责人']);
    await shot(page, '87-layouts-deals-list');
    await page.goto(`/deals/${deal.id}`);
    await page.getByTestId('record-section-title').first().waitFor();
    assert.deepEqual(await texts(page.getByTestId('record-section-title')), ['金额与概率', '其他']);
    await shot(page, '88-layouts-deal-detail');
  });

  test('reset to defaults brings back the plain detail page', async () => {
    await page.goto('/settings/layouts?object=contact');
    await page.getByTestId('layout-reset').click();
    await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await page.locator('.ant-message-notice', { hasText: '已恢复默认布局' }).waitFor();
    const reset = await api.call<Layout>('GET', '/layouts/contact');
    assert.deepEqual([reset.listColumns, reset.sections, reset.version], [null, null, 2]);
    await page.goto(`/contacts/${contactId}`);
    await page.getByTestId('record-fields').waitFor();
    assert.equal(await page.getByTestId('record-section-title').count(), 0);
  });
});
