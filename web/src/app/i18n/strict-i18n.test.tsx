// @vitest-environment jsdom
import i18next from 'i18next';
import { i18nProblems } from '../../test/i18n-problems';
import { renderApp } from '../../test/render';

describe('strict translations in component tests', () => {
  it('reports a raw key and an unreplaced {{placeholder}}, and lets merge-field hints through', () => {
    renderApp(<span />);
    expect(i18next.t('validation.maxLength', { max: 10 })).toBe('最多 10 个字符');
    expect(i18nProblems).toEqual([]);
    i18next.t('no.such.key');
    i18next.t('validation.maxLength');
    i18next.t('preferences.preview', { zone: 'Asia/Shanghai' });
    expect(i18next.t('workflows.taskSubject', { skipInterpolation: true, defaultValue: '{{name}}' })).toContain('{{name}}');
    const problems = i18nProblems.splice(0);
    expect(problems).toEqual([
      'missing translation key: no.such.key',
      'unreplaced placeholder in validation.maxLength: "最多 {{max}} 个字符"',
      'unreplaced placeholder in preferences.preview: "现在显示为 {{time}}"',
      'missing translation key: workflows.taskSubject',
    ]);
  });
});
