import type { TFunction } from 'i18next';
import { pickLabel } from '#shared/format/localized';
import type { FieldDef } from './field-types';

export function fieldLabel(def: FieldDef, t: TFunction, lang: string): string {
  return typeof def.label === 'string' ? t(def.label) : pickLabel(def.label, lang);
}
