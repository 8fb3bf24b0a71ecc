import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import type { FieldDef } from './field-types';

// Kept in step with the server's zod schemas: same formats, same limits.
const URL_RE = /^https?:\/\/[^\s/$.?#].[^\s]*$/i;
const PHONE_RE = /^\+?[\d\s\-().]{5,30}$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ID_NUMBER_RE = /^(\d{17}[\dXx]|\d{15})$/;

export function isValidUrl(v: string): boolean {
  return URL_RE.test(v.trim());
}
export function isValidPhone(v: string): boolean {
  return PHONE_RE.test(v.trim()) && v.replace(/\D/g, '').length >= 5;
}

/** antd rules for one generated form field. */
export function rulesFor(def: FieldDef, t: TFunction): Rule[] {
  const rules: Rule[] = [];
  if (def.required) {
    rules.push({ required: true, whitespace: def.type === 'text' || def.type === 'longtext', message: t('validation.required') });
  }
  switch (def.type) {
    case 'email':
      rules.push({ type: 'email', message: t('validation.email') });
      break;
    case 'url':
      rules.push({
        validator: async (_, v?: string) => {
          if (v && !isValidUrl(v)) throw new Error(t('validation.url'));
        },
      });
      break;
    case 'phone':
      rules.push({
        validator: async (_, v?: string) => {
          if (v && !isValidPhone(v)) throw new Error(t('validation.phone'));
        },
      });
      break;
    case 'number':
      rules.push({ type: 'integer', message: t('validation.integer') });
      break;
    case 'emails':
      rules.push({
        validator: async (_, v?: { address?: string }[]) => {
          if (v?.some((e) => e.address?.trim() && !EMAIL_RE.test(e.address.trim()))) throw new Error(t('validation.email'));
        },
      });
      break;
    case 'phones':
      rules.push({
        validator: async (_, v?: { number?: string }[]) => {
          if (v?.some((p) => p.number?.trim() && !p.number.includes('*') && !isValidPhone(p.number))) throw new Error(t('validation.phone'));
        },
      });
      break;
    default:
      break;
  }
  if (def.key === 'idNumber') {
    // A masked value (1101**********1234) is what the server sent back; leave it alone.
    rules.push({
      validator: async (_, v?: string) => {
        if (v && !v.includes('*') && !ID_NUMBER_RE.test(v)) throw new Error(t('validation.idNumber'));
      },
    });
  }
  if (def.maxLength) rules.push({ max: def.maxLength, message: t('validation.maxLength', { max: def.maxLength }) });
  return rules;
}
