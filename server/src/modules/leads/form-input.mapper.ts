import { z } from 'zod';
import type { FieldError } from '#platform/errors/app-error.ts';
import type { TFormField, TFormSubmission } from './forms.schema.ts';
import { COMPANY_SIZES } from './leads.schema.ts';

const EMAIL = z.email().max(254);
const PLAIN = new Set(['name', 'companyName', 'title', 'industry', 'region', 'province', 'city', 'description']);

/**
 * A submission's values -> lead create input, by the form's own field list: required fields
 * present, no field the form does not ask for, email and company size checked here (phones by
 * the record service, custom fields by their definitions).
 */
export function formInput(fields: TFormField[], submission: TFormSubmission): { input: Record<string, unknown>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const input: Record<string, unknown> = {};
  const custom: Record<string, unknown> = {};
  const known = new Set(fields.map((f) => f.key));
  for (const key of Object.keys(submission.fields)) if (!known.has(key)) errors.push({ field: `fields.${key}`, message: 'fields.unknown_field' });
  for (const f of fields) {
    const value = submission.fields[f.key]?.trim() ?? '';
    if (!value) {
      if (f.required || f.key === 'name') errors.push({ field: `fields.${f.key}`, message: 'fields.required' });
      continue;
    }
    if (f.key === 'email') {
      if (EMAIL.safeParse(value).success) input.emails = [{ address: value }];
      else errors.push({ field: 'fields.email', message: 'fields.invalid_email' });
    } else if (f.key === 'phone') input.phones = [{ number: value.slice(0, 40) }];
    else if (f.key === 'companySize') {
      if ((COMPANY_SIZES as readonly string[]).includes(value)) input.companySize = value;
      else errors.push({ field: 'fields.companySize', message: 'fields.lead_invalid_value' });
    } else if (f.key.startsWith('custom.')) custom[f.key.slice(7)] = value;
    else if (PLAIN.has(f.key)) input[f.key] = value.slice(0, f.key === 'description' ? 10000 : 200);
  }
  if (Object.keys(custom).length) input.custom = custom;
  return { input, errors };
}
