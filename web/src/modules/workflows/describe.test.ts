import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FieldDef } from '#shared/fields/field-types';
import { describeAction, describeTrigger } from './describe';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

const fields: FieldDef[] = [
  { key: 'lifecycleStage', type: 'select', label: { zh: '生命周期', en: 'Lifecycle stage' } },
  { key: 'custom.renewal', type: 'date', label: { zh: '续约日', en: 'Renewal' }, custom: true },
  { key: 'tags', type: 'tags', label: { zh: '标签', en: 'Tags' } },
];

describe('rule summaries', () => {
  const i18n = i18next.createInstance();
  beforeAll(async () => {
    await i18n.init({ lng: 'zh-CN', resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } }, interpolation: { escapeValue: false } });
  });
  const t = ((...args: Parameters<typeof i18n.t>) => i18n.getFixedT('zh-CN')(...args)) as typeof i18n.t;
  const english = ((...args: Parameters<typeof i18n.t>) => i18n.getFixedT('en')(...args)) as typeof i18n.t;

  it('say when a rule runs, with the object’s own field labels, in both languages', () => {
    expect(describeTrigger({ type: 'updated', field: 'lifecycleStage', to: 'customer' }, fields, t, 'zh-CN')).toBe('当生命周期变化 变为 customer');
    expect(describeTrigger({ type: 'date', field: 'custom.renewal', offsetDays: -30, time: '09:00' }, fields, english, 'en')).toBe(
      '30 days before Renewal, 09:00',
    );
    expect(describeTrigger({ type: 'schedule', cron: '0 9 * * 1' }, fields, english, 'en')).toBe('Schedule 0 9 * * 1');
    expect(describeTrigger({ type: 'created' }, fields, t, 'zh-CN')).toBe('记录创建时');
  });

  it('say what each action does', () => {
    expect(describeAction({ type: 'add_tags', field: 'tags', tags: ['VIP', '华东'] }, fields, english, 'en')).toBe('Add tags: VIP, 华东');
    expect(
      describeAction(
        { type: 'update_fields', updates: [{ field: 'custom.renewal', value: { kind: 'addDays', from: 'today', days: 365 } }] },
        fields,
        t,
        'zh-CN',
      ),
    ).toBe('更新字段: 续约日');
  });
});
