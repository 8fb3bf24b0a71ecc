import { localDay } from '#platform/time/zones.ts';

/**
 * A number series' pattern (`SO-{yyyy}-{0000}`): literal text, date tokens in the tenant's time
 * zone and exactly one counter whose zeros give its least width. The counter starts again at 1
 * when the date the pattern shows changes (a pattern with `{yyyy}` counts per year); a pattern
 * without date tokens counts for ever.
 */
export type NumberPattern = { readonly text: string; readonly counterWidth: number; readonly dateTokens: readonly DateToken[] };

type DateToken = 'yyyy' | 'yy' | 'mm' | 'dd';
export type PatternProblem = 'counter_missing' | 'counter_twice' | 'unknown_token' | 'too_long' | 'bad_character';

const TOKEN = /\{([^{}]*)\}/g;
const DATE_TOKENS = new Set<string>(['yyyy', 'yy', 'mm', 'dd']);
/** Letters (any script), digits, and the separators numbers use; no braces left outside tokens, no spaces at the ends. */
const LITERAL = /^[\p{L}\p{N}\-_/.# ]*$/u;
export const MAX_PATTERN_LENGTH = 40;
const MAX_COUNTER_WIDTH = 12;

export function parsePattern(text: string): { pattern: NumberPattern } | { problem: PatternProblem } {
  if (text.length > MAX_PATTERN_LENGTH) return { problem: 'too_long' };
  let counterWidth = 0;
  const dateTokens: DateToken[] = [];
  for (const [, token = ''] of text.matchAll(TOKEN)) {
    if (/^0+$/.test(token) && token.length <= MAX_COUNTER_WIDTH) {
      if (counterWidth) return { problem: 'counter_twice' };
      counterWidth = token.length;
    } else if (DATE_TOKENS.has(token)) dateTokens.push(token as DateToken);
    else return { problem: 'unknown_token' };
  }
  if (!counterWidth) return { problem: 'counter_missing' };
  const literal = text.replace(TOKEN, '');
  if (!LITERAL.test(literal) || text.trim() !== text) return { problem: 'bad_character' };
  return { pattern: { text, counterWidth, dateTokens } };
}

/** The calendar day of `at` in `timeZone`, as the tokens print it. */
export type DayParts = { yyyy: string; mm: string; dd: string };

export function dayParts(at: Date, timeZone: string): DayParts {
  const [yyyy = '', mm = '', dd = ''] = localDay(at, timeZone).split('-');
  return { yyyy, mm, dd };
}

const tokenValue = (token: DateToken, day: DayParts) => (token === 'yy' ? day.yyyy.slice(2) : day[token]);

/** What the counter counts within: the date the pattern shows ('' when it shows none). */
export function periodOf(pattern: NumberPattern, day: DayParts): string {
  return pattern.dateTokens.map((t) => tokenValue(t, day)).join('-');
}

/** The number for counter `value` on `day`; a counter past its width grows rather than wraps. */
export function renderNumber(pattern: NumberPattern, value: number, day: DayParts): string {
  return pattern.text.replace(TOKEN, (_, token: string) =>
    /^0+$/.test(token) ? String(value).padStart(pattern.counterWidth, '0') : tokenValue(token as DateToken, day),
  );
}
