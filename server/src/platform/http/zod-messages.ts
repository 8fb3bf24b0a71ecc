import type { core } from 'zod';
import { type Locale, translate } from '../i18n/i18n.ts';

type ZodIssue = core.$ZodIssue;

const NUMERIC = new Set(['number', 'int', 'bigint']);
const LISTS = new Set(['array', 'set']);
const KINDS = new Set(['string', 'number', 'int', 'boolean', 'array', 'object', 'date', 'bigint']);

/**
 * A schema refusal in the words a user reads on a form: the field is required, must be text or a
 * number, has at most N characters or items, is not one of the options. Never zod's own
 * "expected string, received undefined" (a type name, and no limit a user can act on). `given` is
 * the value at the issue's path, when the request still holds it; null when zod's wording stays.
 */
export function fieldMessage(issue: ZodIssue, locale: Locale, given: { present: boolean; value: unknown }): string | null {
  const t = (key: string, params: Record<string, unknown> = {}) => translate(locale, key, params);
  switch (issue.code) {
    case 'invalid_type': {
      if (!given.present || given.value === undefined || given.value === null) return t('fields.required');
      const kind = KINDS.has(issue.expected) ? issue.expected : 'value';
      return t('fields.bad_type', { expected: t(`fields.kind_${kind}`) });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return t('fields.too_long', { max });
      if (NUMERIC.has(issue.origin)) return t('fields.at_most', { max });
      if (LISTS.has(issue.origin)) return t('fields.too_many', { max });
      return null;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? t('fields.required') : t('fields.too_short', { min });
      if (NUMERIC.has(issue.origin)) return t('fields.at_least', { min });
      if (LISTS.has(issue.origin)) return t('fields.too_few', { min });
      return null;
    }
    case 'invalid_value':
      return t('fields.invalid_option');
    case 'invalid_format':
      switch (issue.format) {
        case 'email':
          return t('fields.invalid_email');
        case 'url':
          return t('fields.invalid_url');
        case 'date':
        case 'datetime':
        case 'time':
          return t('fields.invalid_date');
        case 'uuid':
        case 'guid':
          return t('fields.invalid_id');
        default:
          return t('fields.invalid_format');
      }
    case 'not_multiple_of':
      return t('fields.invalid_number');
    default:
      return null;
  }
}
