import i18next from 'i18next';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import type { Pool } from './pool-api';
import { limitLines, ruleSummary } from './pool-rules';

const pool = (over: Partial<Pool>): Pool => ({
  id: 'p',
  object: 'company',
  name: '华东公海',
  description: null,
  position: 0,
  teamIds: [],
  teams: [],
  customerCount: 0,
  mine: { held: 12, claimsToday: 2 },
  version: 1,
  recycleEnabled: true,
  followupDays: 30,
  dealDays: null,
  remindDays: 5,
  maxHeld: 50,
  maxClaimsPerDay: null,
  reclaimCooldownDays: 0,
  ...over,
});

describe('pool rules as text', () => {
  const t = i18next.createInstance();
  beforeAll(async () => {
    await t.init({ resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } }, lng: 'zh-CN', interpolation: { escapeValue: false } });
  });

  it('names the active rules and says when recycling is off', () => {
    expect(ruleSummary(pool({ dealDays: 90 }), t.t)).toBe('30 天未跟进 · 90 天未成交 · 提前 5 天提醒');
    expect(ruleSummary(pool({ recycleEnabled: false }), t.t)).toBe('未开启回收');
    expect(ruleSummary(pool({ followupDays: null }), t.t)).toBe('未开启回收');
  });

  it('shows the caller against each limit, and the cool-down only when there is one', () => {
    expect(limitLines(pool({}), t.t)).toEqual(['您已持有 12 / 50 个客户', '今日已领取 2']);
    expect(limitLines(pool({ maxHeld: null, maxClaimsPerDay: 5, reclaimCooldownDays: 7 }), t.t)).toEqual([
      '您已持有 12 个客户',
      '今日已领取 2 / 5',
      '原负责人需等待 7 天才能再次领取',
    ]);
  });

  it('counts what a contact pool holds as contacts, in both languages', () => {
    expect(limitLines(pool({ object: 'contact', mine: { held: 3, claimsToday: 1 } }), t.t)).toEqual(['您已持有 3 / 50 个联系人', '今日已领取 1']);
    expect(limitLines(pool({ object: 'contact', maxHeld: null }), t.getFixedT('en'))[0]).toBe('You hold 12 contacts');
    expect(limitLines(pool({ maxHeld: null }), t.getFixedT('en'))[0]).toBe('You hold 12 customers');
  });
});
