import sanitizeHtml from 'sanitize-html';

/** Recognises a ticket number in a mail subject (`Re: [TK-2026-000012] ...`), whatever the pattern: the bracketed token. */
const SUBJECT_NUMBER = /\[([\p{L}\p{N}\-_/.#]{3,40})\]/u;

/** The parts of a parsed message (mailparser) the inbound pipeline reads. */
export type InboundMail = {
  /** SMTP envelope sender (MAIL FROM); '' for a bounce (the null sender `<>`). */
  envelopeFrom: string;
  from: { address: string; name: string } | null;
  subject: string;
  text: string;
  html: string | null;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  /** Lower-cased header name -> value as text. */
  headers: Map<string, string>;
  contentType: string;
};

const DAEMONS = /^(mailer-daemon|postmaster|mail-daemon|no-?reply|do-?not-?reply|bounces?)([+-].*)?@/i;

/**
 * Auto-replies, bounces and bulk mail never open or reopen tickets (RFC 3834 Auto-Submitted,
 * Precedence bulk/junk/list/auto_reply, vendor auto-reply headers, delivery reports, daemon senders
 * and the null envelope sender), so two help desks cannot answer each other for ever.
 */
export function automatedReason(m: InboundMail): string | null {
  const h = (name: string) => (m.headers.get(name) ?? '').trim().toLowerCase();
  const auto = h('auto-submitted');
  if (auto && auto !== 'no') return 'auto-submitted';
  if (['bulk', 'junk', 'list', 'auto_reply'].includes(h('precedence'))) return 'precedence';
  if (
    m.headers.has('x-autoreply') ||
    m.headers.has('x-autorespond') ||
    (m.headers.has('x-auto-response-suppress') && h('x-auto-response-suppress').includes('all'))
  )
    return 'auto-reply header';
  if (m.headers.has('list-id') || m.headers.has('list-unsubscribe')) return 'mailing list';
  if (/multipart\/report/i.test(m.contentType) || /delivery-status/i.test(m.contentType)) return 'delivery report';
  if (m.envelopeFrom === '') return 'null sender';
  if (!m.from?.address) return 'no sender';
  if (DAEMONS.test(m.from.address) || DAEMONS.test(m.envelopeFrom)) return 'daemon sender';
  return null;
}

/** The Message-IDs a reply points at: In-Reply-To first, then References newest first. */
export const referencedIds = (m: InboundMail): string[] => [...new Set([...(m.inReplyTo ? [m.inReplyTo] : []), ...[...m.references].reverse()])];

/** The ticket number a subject names in brackets (`Re: [TK-2026-000012] ...`), if any. */
export const numberInSubject = (subject: string): string | null => SUBJECT_NUMBER.exec(subject)?.[1] ?? null;

/**
 * HTML kept for display: formatting, links and tables only; no script, style, event handler,
 * form or iframe, and links only to http(s)/mailto (sanitize-html's allow-list).
 */
export const sanitizeMailHtml = (html: string): string =>
  sanitizeHtml(html, {
    allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'font', 'center', 'span'],
    allowedAttributes: { a: ['href', 'title'], img: ['alt', 'width', 'height'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'], font: ['color'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    // Remote images would tell the sender the agent read the mail; the alt text stays.
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.alt,
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }) },
  });

/** The text of a message: the plain part, else the HTML stripped of tags. */
export function bodyText(m: Pick<InboundMail, 'text' | 'html'>): string {
  if (m.text.trim()) return m.text.trim();
  if (!m.html) return '';
  return sanitizeHtml(m.html, { allowedTags: [], allowedAttributes: {} })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The tenant a recipient addresses: `support+<slug>@...` or `<slug>@...`, else the first label of
 * the domain (`support@<slug>.example.com`); null to let the caller fall back (a single tenant).
 */
export function slugCandidates(recipient: string): string[] {
  const [local = '', domain = ''] = recipient.toLowerCase().split('@');
  const plus = local.includes('+') ? [local.slice(local.indexOf('+') + 1)] : [];
  return [...plus, local, domain.split('.')[0] ?? ''].filter(Boolean);
}
