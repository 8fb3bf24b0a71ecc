import type { TFunction } from 'i18next';
import type { EventType } from './webhooks-api';

const zhOrEn = (label: { zh: string; en: string }, language: string) => (language.startsWith('zh') ? label.zh : label.en);

/** `contact.created` -> 联系人 · 新建 (the verb from this module's strings, else as it is). */
export function eventLabel(type: string, types: readonly EventType[], t: TFunction, language: string): string {
  if (type === '*') return t('webhooks.allEvents');
  const [object = '', verb = ''] = type.split('.');
  const entry = types.find((e) => e.object === object);
  // A rule's "call a webhook" action sends `workflow.rule_fired`, which no subscription lists.
  const objectName = entry ? zhOrEn(entry.label, language) : t(`webhooks.objects.${object}`, { defaultValue: object });
  if (verb === '*') return t('webhooks.allOf', { object: objectName });
  return `${objectName} · ${t(`webhooks.verbs.${verb}`, { defaultValue: verb })}`;
}

/** The events picker's options: everything, then per object "all its events" and each event. */
export function eventOptions(types: readonly EventType[], t: TFunction, language: string) {
  const objects = [...new Set(types.map((e) => e.object))];
  return [
    { label: t('webhooks.allEvents'), value: '*' },
    ...objects.map((object) => {
      const entries = types.filter((e) => e.object === object);
      const label = entries[0] ? zhOrEn(entries[0].label, language) : object;
      return {
        label,
        title: label,
        options: [`${object}.*`, ...entries.map((e) => e.type)].map((value) => ({ value, label: eventLabel(value, types, t, language) })),
      };
    }),
  ];
}

/** The one object all events are about, or null (several objects, `*`, or approvals', which are about records of any object). */
export function singleObject(events: readonly string[]): string | null {
  if (events.length === 0 || events.includes('*')) return null;
  const objects = new Set(events.map((e) => e.split('.')[0]));
  if (objects.has('approval')) return null;
  return objects.size === 1 ? ([...objects][0] ?? null) : null;
}
