// The one rule for spreadsheet formula injection (OWASP "CSV injection"). The web's client-side
// CSV (web/src/shared/records/list/formula-cells.ts) is a byte-identical copy of this file,
// checked by scripts/formula-cells.test.mjs: edit both or neither.

/**
 * Numbers and phone numbers are data, kept as written: digits with an optional leading sign and
 * spaces, dots, commas, dashes or parentheses between (-12.5, +86 138 0013 8000, +1 (415) 555-0100)
 * cannot name a function, a reference or a DDE command, so a spreadsheet can do no harm with them.
 */
const NUMBER_OR_PHONE = /^[+-]?\d[\d\s().,-]*$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that starts with = + - @, tab or CR, and is not a number or a phone number, gets a
 * leading apostrophe: Excel, WPS and LibreOffice then show it as text instead of running it.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !NUMBER_OR_PHONE.test(text) ? `'${text}` : text;
}

/** csv-stringify's `cast` for every CSV the product writes: text cells through the rule. */
export const SAFE_CSV_CAST = { string: (value: string) => neutraliseFormula(value) };
