import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** E.164 for a phone as typed (138 1234 5678, +1 415-555-0100, 010-6552 9988); null if invalid. */
export function toE164(input: string, defaultCountry: CountryCode = 'CN'): string | null {
  const parsed = parsePhoneNumberFromString(input, defaultCountry);
  return parsed?.isValid() ? parsed.number : null;
}

/**
 * A phone as typed, cleaned the way an imported one is (imports' cleanText): full-width digits and
 * signs half-width (NFKC: １３８　００１３ -> 138 0013), spaces collapsed. Every write path stores this.
 */
export const cleanPhoneInput = (input: string): string => input.normalize('NFKC').replace(/\s+/g, ' ').trim();

/** Digits only, for "find by the last digits" search. */
export const digitsOf = (value: string): string => value.replace(/\D/g, '');
