import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** E.164 for a phone as typed (138 1234 5678, +1 415-555-0100, 010-6552 9988); null if invalid. */
export function toE164(input: string, defaultCountry: CountryCode = 'CN'): string | null {
  const parsed = parsePhoneNumberFromString(input, defaultCountry);
  return parsed?.isValid() ? parsed.number : null;
}

/** Digits only, for "find by the last digits" search. */
export const digitsOf = (value: string): string => value.replace(/\D/g, '');
