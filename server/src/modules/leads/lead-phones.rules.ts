import type { FieldError } from '#platform/errors/app-error.ts';
import { cleanPhoneInput, toE164 } from '#platform/phones.ts';

export type LeadPhone = { label?: string; number: string; e164: string | null };

/** Phones as typed plus E.164 (default region CN); an unparseable number is a field error, as for contacts. */
export function normalizeLeadPhones(input: { label?: string | undefined; number: string }[], errors: FieldError[]): LeadPhone[] {
  return input.map((p, i) => {
    const number = cleanPhoneInput(p.number);
    const e164 = toE164(number);
    if (!e164) errors.push({ field: `phones.${i}.number`, message: 'fields.invalid_phone' });
    return { ...(p.label ? { label: p.label } : {}), number, e164 };
  });
}
