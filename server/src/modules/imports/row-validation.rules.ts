import type { z } from 'zod';
import type { FieldError } from '#platform/errors/app-error.ts';
import type { ImportSpec } from '#platform/objects/import-spec.ts';

/** Messages the objects' own schemas give as i18n keys (deals.invalid_amount, activities.link_required). */
const OWN_KEY = /^[a-z][a-z-]*\.[a-z_]+$/;

/** An i18n key per failing field (the error report is translated when downloaded). */
function messageOf(issue: z.core.$ZodIssue): Pick<FieldError, 'message' | 'params'> {
  const field = String(issue.path[0] ?? '');
  if (OWN_KEY.test(issue.message)) return { message: issue.message };
  if (issue.code === 'too_big') return { message: 'fields.too_long', params: { max: Number(issue.maximum) } };
  if (field === 'emails') return { message: 'fields.invalid_email' };
  if (field === 'website') return { message: 'fields.invalid_url' };
  if (field === 'birthday') return { message: 'fields.invalid_date' };
  if (field === 'employees' || field === 'annualRevenue') return { message: 'fields.invalid_number' };
  if (['gender', 'lifecycleStage', 'status', 'companySize', 'type'].includes(field)) return { message: 'fields.invalid_option' };
  if (field === 'expectedCloseDate') return { message: 'fields.invalid_date' };
  if (field === 'probability') return { message: 'fields.invalid_number' };
  if (field === 'name' || field === 'subject') return { message: 'fields.required' };
  return { message: 'imports.invalid_value' };
}

/** The API's own request schema, so a row is accepted or refused exactly as a POST or PATCH would be. */
export function validateInput(
  spec: ImportSpec,
  mode: 'create' | 'update',
  input: Record<string, unknown>,
): { ok: true; value: Record<string, unknown> } | { ok: false; errors: FieldError[] } {
  const result = spec.schemas[mode].safeParse(input);
  if (result.success) return { ok: true, value: result.data as Record<string, unknown> };
  return { ok: false, errors: result.error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || 'row', ...messageOf(issue) })) };
}
