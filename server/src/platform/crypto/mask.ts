/** Masks the middle of a value, keeping `head` and `tail` characters: 138****1234. */
export function maskMiddle(value: string, head: number, tail: number): string {
  const chars = [...value];
  if (chars.length <= head + tail) return '*'.repeat(chars.length);
  return chars.slice(0, head).join('') + '*'.repeat(chars.length - head - tail) + (tail ? chars.slice(-tail).join('') : '');
}

/** 13812341234 -> 138****1234; +8613812341234 keeps the country code visible. */
export function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(value.length);
  const national = value.startsWith('+86') ? digits.slice(2) : digits;
  const prefix = value.startsWith('+86') ? '+86' : value.startsWith('+') ? `+${digits.slice(0, digits.length - national.length)}` : '';
  return prefix + maskMiddle(national, 3, 4);
}

/** 110101199003071234 -> 1101**********1234. */
export const maskIdNumber = (value: string): string => maskMiddle(value, 4, 4);

/** zhang.wei@example.com -> z********@example.com. */
export function maskEmail(value: string): string {
  const at = value.indexOf('@');
  if (at < 1) return maskMiddle(value, 1, 0);
  return maskMiddle(value.slice(0, at), 1, 0) + value.slice(at);
}
