import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventLabel, eventOptions, singleObject } from './event-options';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import type { EventType } from './webhooks-api';

const types: EventType[] = [
  { type: 'contact.created', object: 'contact', label: { zh: '联系人', en: 'Contact' } },
  { type: 'contact.updated', object: 'contact', label: { zh: '联系人', en: 'Contact' } },
  { type: 'deal.stage_changed', object: 'deal', label: { zh: '商机', en: 'Deal' } },
  { type: 'distributor.created', object: 'distributor', label: { zh: '经销商', en: 'Distributor' } },
  { type: 'approval.approved', object: 'approval', label: { zh: '审批', en: 'Approval' } },
];

describe('webhook event labels and the picker', () => {
  const t = i18next.createInstance();
  beforeAll(async () => {
    await t.init({ lng: 'zh-CN', resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } }, interpolation: { escapeValue: false } });
  });

  it('names events by object and verb in both languages, custom objects and unknown verbs too', async () => {
    expect(eventLabel('deal.stage_changed', types, t.t, 'zh-CN')).toBe('商机 · 阶段变更');
    expect(eventLabel('contact.*', types, t.t, 'zh-CN')).toBe('联系人的全部事件');
    expect(eventLabel('*', types, t.t, 'zh-CN')).toBe('全部事件 (*)');
    expect(eventLabel('approval.approved', types, t.t, 'zh-CN')).toBe('审批 · 通过');
    // What a rule's "call a webhook" action sends, in the delivery log.
    expect(eventLabel('workflow.rule_fired', types, t.t, 'zh-CN')).toBe('工作流规则 · 触发');
    await t.changeLanguage('en');
    expect(eventLabel('workflow.rule_fired', types, t.t, 'en')).toBe('Workflow rule · fired');
    expect(eventLabel('distributor.created', types, t.t, 'en')).toBe('Distributor · created');
    expect(eventLabel('distributor.shipped', types, t.t, 'en')).toBe('Distributor · shipped');
  });

  it('offers everything, then each object with its wildcard first', () => {
    const options = eventOptions(types, t.t, 'en');
    expect(options[0]).toMatchObject({ value: '*' });
    expect(options.slice(1).map((o) => ('options' in o ? o.options?.map((x) => x.value) : []))).toEqual([
      ['contact.*', 'contact.created', 'contact.updated'],
      ['deal.*', 'deal.stage_changed'],
      ['distributor.*', 'distributor.created'],
      ['approval.*', 'approval.approved'],
    ]);
  });

  it('allows a filter only when every event is about one object', () => {
    expect(singleObject(['contact.created', 'contact.*'])).toBe('contact');
    expect(singleObject(['contact.created', 'deal.won'])).toBeNull();
    expect(singleObject(['*'])).toBeNull();
    expect(singleObject([])).toBeNull();
    // Approvals' events are about records of any object: no one object's filter fits them.
    expect(singleObject(['approval.approved'])).toBeNull();
  });
});
