import { doubleMetaphone } from 'double-metaphone';
import { pinyin } from 'pinyin-pro';

// Every Han character, also outside the BMP (𠮷 U+20BB7, Extension B and on), which ranges missed.
const CJK = /\p{Script=Han}/u;
const CJK_ALL = /\p{Script=Han}/gu;

/** Full-width to half-width (Unicode compatibility, NFKD), lower case, accents off, punctuation to spaces, runs collapsed. */
export function normalizeText(value: string | null | undefined): string {
  if (!value) return '';
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export const hasCjk = (value: string): boolean => CJK.test(value);

/** A name as one comparable string: CJK characters joined (张 伟 = 张伟), Latin words single-spaced. */
export function normalizeName(value: string | null | undefined): string {
  const text = normalizeText(value);
  return hasCjk(text) ? text.replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, '') : text;
}

/** Words of a name; a CJK run becomes one word per character's pinyin syllable group kept whole (张伟 -> 张伟). */
export const nameTokens = (value: string): string[] => normalizeName(value).split(' ').filter(Boolean);

/** Toneless pinyin of the CJK characters (张伟 and 张玮 both "zhang wei"); other text passes through. */
export function toPinyin(value: string): string {
  if (!hasCjk(value)) return value;
  return pinyin(value, { toneType: 'none', surname: 'head', nonZh: 'consecutive', type: 'array' }).join(' ').replace(/\s+/g, ' ').trim();
}

/** Sound-alike code of one word: pinyin for Chinese, primary Double Metaphone for Latin script. */
export function phoneticOf(word: string): string {
  if (hasCjk(word)) return toPinyin(word).replace(/\s+/g, '');
  const [primary] = doubleMetaphone(word);
  return primary || word;
}

/** Strips CJK characters out (what is left of a mixed string). */
export const withoutCjk = (value: string): string => value.replace(CJK_ALL, ' ').replace(/\s+/g, ' ').trim();
