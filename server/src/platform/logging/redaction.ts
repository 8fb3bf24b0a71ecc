/**
 * Keeps customer data out of logs and job-failure records: values under a personal or sensitive
 * key are replaced, e-mail addresses and phone-like digit runs in any text are masked, and
 * errors keep only their type, code, message and stack (never the database's parameters, the
 * offending row or a `detail` such as `Key (email)=(a@b.c)`).
 */
export const REDACTED = '[redacted]';

/** Keys whose values are never logged, whatever the object: credentials and people's data. */
export const ALWAYS_REDACTED = [
  'password',
  'passwordHash',
  'token',
  'secret',
  'authorization',
  'cookie',
  'set-cookie',
  'body',
  'email',
  'phone',
  'mobile',
  'familyName',
  'givenName',
  'params',
  'parameters',
  'detail',
] as const;

// Not across brackets: `[redacted]@host` (a URL's removed credentials) keeps its host.
const EMAIL = /[^\s@"'<>(),;:=[\]]+@[^\s@"'<>(),;:=[\]]+\.[^\s@"'<>(),;:=[\]]+/g;
// 7+ digits with spaces, dots or dashes between (phones, ID and account numbers), not part of a
// word, an id or a timestamp (a uuid's hex groups sit between dashes and letters).
const DIGITS = /(?<![\w.:/-])\+?\d(?:[ .-]?\d){6,}(?![\w:/]|[.-]\d)/g;
// PostgreSQL quotes the offending input: invalid input syntax for type integer: "x"
const QUOTED_INPUT = /(: |=)"[^"]*"/g;
// pg's detail and where texts: Key (email)=(a@b.c) already exists.
const KEY_VALUE = /\)=\([^)]*\)/g;

// Credentials in text: an Authorization scheme's value, a URL's user:password@, a `password=...`
// or `"token": "..."` pair, Kehu's own tokens and webhook secrets, JWTs and PEM private keys.
const AUTH_SCHEME = /\b(Bearer|Basic|Digest|Token)\s+[\w~+/.=-]{6,}/gi;
const URL_CREDENTIALS = /(\b[a-z][\w+.-]*:\/\/)[^\s/@:]*:[^\s/@]*@/gi;
const SECRET_PAIR =
  /((?:pass(?:word|wd)?|pwd|secret|token|api[_-]?key|access[_-]?key|client[_-]?secret|auth(?:orization)?|credentials?|session|cookie|private[_-]?key)["']?\s*[:=]\s*)((?:(?:Bearer|Basic|Digest|Token)\s+)?(?:"[^"]*"|'[^']*'|[^\s,;&]+))/gi;
const KNOWN_TOKEN = /\b(?:khs_|kht_|whsec_|sk_live_|sk_test_|ghp_|xox[abp]-)[\w-]{8,}/g;
const JWT = /\beyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}/g;
const PEM = /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g;

/** Replaces credentials (tokens, passwords, secrets, keys) in free text. */
export function scrubSecrets(text: string): string {
  return text
    .replace(PEM, REDACTED)
    .replace(URL_CREDENTIALS, `$1${REDACTED}@`)
    .replace(SECRET_PAIR, `$1${REDACTED}`)
    .replace(AUTH_SCHEME, `$1 ${REDACTED}`)
    .replace(KNOWN_TOKEN, REDACTED)
    .replace(JWT, REDACTED);
}

/** Masks credentials, e-mail addresses, phone-like numbers and quoted input values in free text. */
export function scrubText(text: string): string {
  return scrubSecrets(text).replace(EMAIL, REDACTED).replace(DIGITS, REDACTED).replace(QUOTED_INPUT, `$1"${REDACTED}"`).replace(KEY_VALUE, `)=(${REDACTED})`);
}

/**
 * Free text from outside (an SMTP server's refusal, a webhook receiver's answer, an error's
 * message) as a module may store it in an error or excerpt column: scrubbed as a log line is,
 * then cut to `max` characters. Null stays null.
 */
export function storableText(text: string | null | undefined, max = 2000): string | null {
  if (text == null) return null;
  const scrubbed = scrubText(text);
  return scrubbed.length > max ? scrubbed.slice(0, max) : scrubbed;
}

export type Redactor = {
  /** A log object's fields: plain objects and arrays are walked, other values (errors, requests) left to the serializers. */
  fields: (value: Record<string, unknown>) => Record<string, unknown>;
  error: (error: unknown) => SafeError;
};

export type SafeError = { type: string; message: string; stack: string; code?: string; statusCode?: number; cause?: SafeError };

const isPlain = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** A redactor for these keys (the registry's personal and sensitive field names) besides ALWAYS_REDACTED. */
export function createRedactor(keys: Iterable<string>): Redactor {
  const redacted = new Set([...ALWAYS_REDACTED, ...keys].map((k) => k.toLowerCase()));
  const value = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return scrubText(v);
    if (depth > 6) return v;
    if (Array.isArray(v)) return v.map((item) => value(item, depth + 1));
    if (!isPlain(v)) return v;
    const out: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(v)) out[k] = redacted.has(k.toLowerCase()) ? REDACTED : value(item, depth + 1);
    return out;
  };
  const error = (e: unknown, depth = 0): SafeError => {
    if (!(e instanceof Error)) return { type: typeof e, message: typeof e === 'string' ? scrubText(e) : REDACTED, stack: '' };
    const { code, statusCode, cause } = e as Error & { code?: unknown; statusCode?: unknown };
    return {
      type: e.constructor?.name ?? 'Error',
      message: scrubText(e.message),
      stack: e.stack ? scrubText(e.stack) : '',
      ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}),
      ...(typeof statusCode === 'number' ? { statusCode } : {}),
      ...(cause !== undefined && depth < 3 ? { cause: error(cause, depth + 1) } : {}),
    };
  };
  return { fields: (v) => value(v, 0) as Record<string, unknown>, error: (e) => error(e) };
}

/** A copy of `error` fit to be stored (a job's failure output): same message and code, scrubbed, nothing else. */
export function safeErrorFor(error: unknown, redactor: Redactor = createRedactor([])): Error {
  const safe = redactor.error(error);
  const copy = new Error(safe.message);
  copy.name = safe.type;
  if (safe.stack) copy.stack = safe.stack;
  if (safe.code) Object.assign(copy, { code: safe.code });
  return copy;
}
