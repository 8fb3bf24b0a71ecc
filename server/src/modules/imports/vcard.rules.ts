import iconv from 'iconv-lite';

/**
 * vCard (.vcf) files as rows: one header, then one row per card, so mapping, cleaning, dry run,
 * progress and rollback treat an address-book export like any CSV. Handles vCard 2.1 (Android,
 * old iOS: QUOTED-PRINTABLE with CHARSET), 3.0 and 4.0, folded lines and grouped properties.
 */
export const VCARD_COLUMNS = [
  'Full name',
  'Last name',
  'First name',
  'Organization',
  'Department',
  'Title',
  'Email',
  'Email 2',
  'Mobile',
  'Phone',
  'Telephone',
  'Street',
  'City',
  'Province',
  'Postcode',
  'Country',
  'Note',
  'Birthday',
] as const;
type Column = (typeof VCARD_COLUMNS)[number];

/** A logical line past this is not a contact (a photo would be the only thing this long). */
const MAX_LINE = 1024 * 1024;

type Property = { name: string; params: Map<string, string[]>; value: string };

/** Physical lines -> logical lines: a leading space or tab continues the previous line; a QP line ending in "=" continues too. */
export async function* unfold(lines: AsyncIterable<string>): AsyncGenerator<string> {
  let current: string | null = null;
  for await (const line of lines) {
    if (current !== null && /QUOTED-PRINTABLE/i.test(current.split(':')[0] ?? '') && current.endsWith('=')) current = current.slice(0, -1) + line.trimStart();
    else if (current !== null && /^[ \t]/.test(line)) current += line.slice(1);
    else {
      if (current !== null) yield current;
      current = line;
    }
    if (current.length > MAX_LINE) throw new Error('vCard line too long');
  }
  if (current !== null) yield current;
}

/** Splits on `sep` not preceded by a backslash. */
const splitUnescaped = (value: string, sep: string) => value.split(new RegExp(`(?<!\\\\)${sep === ';' ? ';' : ','}`));

const unescapeText = (value: string) => value.replace(/\\([nN,;\\:])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3);
    if (value[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(value[i] ?? '', 'utf8'));
  }
  const buffer = Buffer.from(bytes);
  return iconv.encodingExists(charset) ? iconv.decode(buffer, charset) : buffer.toString('utf8');
}

/** `item1.TEL;TYPE=CELL;CHARSET=UTF-8:...` -> name, params (bare 2.1 params count as TYPE), decoded value. */
export function parseProperty(line: string): Property | null {
  // The value starts at the first colon outside a quoted parameter value.
  let quoted = false;
  let colon = -1;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon < 0) return null;
  const [rawName = '', ...rawParams] = line.slice(0, colon).split(';');
  const name = rawName.replace(/^.*\./, '').toUpperCase();
  const params = new Map<string, string[]>();
  for (const p of rawParams) {
    const eq = p.indexOf('=');
    const key = eq < 0 ? (/^(QUOTED-PRINTABLE|BASE64|8BIT|7BIT)$/i.test(p) ? 'ENCODING' : 'TYPE') : p.slice(0, eq).toUpperCase();
    const values = (eq < 0 ? p : p.slice(eq + 1))
      .replace(/"/g, '')
      .split(',')
      .map((v) => v.trim().toLowerCase())
      .filter(Boolean);
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  let value = line.slice(colon + 1);
  if (params.get('ENCODING')?.includes('quoted-printable')) value = decodeQuotedPrintable(value, params.get('CHARSET')?.[0] ?? 'utf-8');
  return { name, params, value };
}

const CJK = /[\u3400-\u9fff]/;

/** The columns of one card. */
export function cardRow(props: Property[]): string[] {
  const row = new Map<Column, string>();
  const put = (column: Column, value: string) => {
    const v = value.trim();
    if (v && !row.has(column)) row.set(column, v);
  };
  for (const { name, params, value } of props) {
    const types = params.get('TYPE') ?? [];
    if (name === 'FN') put('Full name', unescapeText(value));
    else if (name === 'N') {
      const [family = '', given = ''] = splitUnescaped(value, ';').map(unescapeText);
      put('Last name', family);
      put('First name', given);
    } else if (name === 'ORG') {
      const [org = '', dept = ''] = splitUnescaped(value, ';').map(unescapeText);
      put('Organization', org);
      put('Department', dept);
    } else if (name === 'TITLE') put('Title', unescapeText(value));
    else if (name === 'EMAIL') put(row.has('Email') ? 'Email 2' : 'Email', unescapeText(value).replace(/^mailto:/i, ''));
    else if (name === 'TEL') {
      const number = unescapeText(value).replace(/^tel:/i, '');
      const mobile = types.some((t) => t === 'cell' || t === 'mobile' || t === 'iphone');
      const slot: Column =
        mobile && !row.has('Mobile') ? 'Mobile' : types.includes('work') && !row.has('Phone') ? 'Phone' : row.has('Phone') ? 'Telephone' : 'Phone';
      put(slot, number);
    } else if (name === 'ADR' && !row.has('Street') && !row.has('City')) {
      const [, ext = '', street = '', city = '', region = '', code = '', country = ''] = splitUnescaped(value, ';').map(unescapeText);
      put('Street', [street, ext].filter(Boolean).join(' ').replace(/\n/g, ' '));
      put('City', city);
      put('Province', region);
      put('Postcode', code);
      put('Country', country);
    } else if (name === 'NOTE') put('Note', unescapeText(value));
    else if (name === 'BDAY') put('Birthday', value.replace(/^--/, ''));
  }
  // No FN (2.1 exports often lack it): the name from N, written as its language writes it.
  if (!row.has('Full name')) {
    const family = row.get('Last name') ?? '';
    const given = row.get('First name') ?? '';
    put('Full name', CJK.test(family + given) ? `${family}${given}` : [given, family].filter(Boolean).join(' '));
  }
  return VCARD_COLUMNS.map((c) => row.get(c) ?? '');
}

/** Lines of text -> the header row, then a row per BEGIN:VCARD ... END:VCARD. */
export async function* vcardRows(lines: AsyncIterable<string>): AsyncGenerator<string[]> {
  yield [...VCARD_COLUMNS];
  let card: Property[] | null = null;
  for await (const line of unfold(lines)) {
    if (/^BEGIN:VCARD$/i.test(line.trim())) card = [];
    else if (/^END:VCARD$/i.test(line.trim())) {
      if (card?.length) yield cardRow(card);
      card = null;
    } else if (card && line.trim()) {
      const prop = parseProperty(line);
      if (prop) card.push(prop);
    }
  }
}

/** Splits decoded text chunks into lines (CRLF, LF or CR). */
export async function* textLines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of chunks) {
    rest += chunk;
    const parts = rest.split(/\r\n|\n|\r(?!$)/);
    rest = parts.pop() ?? '';
    yield* parts;
  }
  if (rest) yield rest.replace(/\r$/, '');
}

/** A file looks like a vCard when named .vcf or starting with BEGIN:VCARD. */
export const isVcard = (head: Buffer, fileName: string) => /\.vcf$/i.test(fileName) || /^(\ufeff)?\s*BEGIN:VCARD/i.test(head.subarray(0, 64).toString('utf8'));
