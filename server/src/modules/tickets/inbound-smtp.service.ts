import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { AddressObject, HeaderValue, ParsedMail } from 'mailparser';
import type { SMTPServerSession } from 'smtp-server';
import type { Deps } from '#platform/deps.ts';
import type { InboundMail } from './inbound-mail.rules.ts';
import { DEFAULT_LIMITS, type InboundLimits, type InboundOutcome, receiveMail, tenantForRecipient } from './inbound.service.ts';

export type InboundSmtpOptions = {
  deps: Deps;
  port: number;
  host?: string;
  /** Largest message accepted, in bytes (advertised as SIZE; a larger one is refused with 552). */
  maxBytes?: number;
  limits?: InboundLimits;
};

export type InboundSmtp = { port: number; close: () => Promise<void> };

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

const headerText = (v: HeaderValue | undefined): string => {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map((x) => headerText(x as HeaderValue)).join(', ');
  if (typeof v === 'object' && 'value' in v) return String((v as { value: unknown }).value);
  return String(v);
};

const firstAddress = (a: AddressObject | AddressObject[] | undefined) => {
  const value = (Array.isArray(a) ? a[0] : a)?.value[0];
  return value?.address ? { address: value.address.toLowerCase(), name: value.name ?? '' } : null;
};

/** mailparser's result as the pipeline reads it; charsets (GBK, Big5...) and transfer encodings are decoded by mailparser. */
export function toInboundMail(parsed: ParsedMail, envelopeFrom: string): InboundMail {
  const headers = new Map<string, string>();
  for (const [k, v] of parsed.headers) headers.set(k.toLowerCase(), headerText(v));
  const refs = parsed.references;
  return {
    envelopeFrom,
    from: firstAddress(parsed.from),
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : null,
    messageId: parsed.messageId ?? null,
    inReplyTo: parsed.inReplyTo ?? null,
    references: refs === undefined ? [] : Array.isArray(refs) ? refs : refs.split(/\s+/).filter(Boolean),
    headers,
    contentType: headers.get('content-type') ?? '',
  };
}

/**
 * Kehu's own SMTP listener (e-mail to ticket): RCPT names the tenant (its slug) or goes to the only
 * tenant; DATA is parsed and handed to the tickets pipeline. Mail past `maxBytes` is refused (552),
 * a sender over its limit gets a temporary refusal (451) so real servers retry later.
 */
export async function startInboundSmtp(o: InboundSmtpOptions): Promise<InboundSmtp> {
  const maxBytes = o.maxBytes ?? 25 * 1024 * 1024;
  const tenants = new Map<string, Set<string>>();
  const log = o.deps.log;
  // Loaded only when the listener starts: most servers never receive mail themselves.
  const [{ simpleParser }, { SMTPServer }] = await Promise.all([import('mailparser'), import('smtp-server')]);
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: maxBytes,
    logger: false,
    banner: 'Kehu ticket inbound',
    onRcptTo(address, session, callback) {
      tenantForRecipient({ deps: o.deps, recipient: address.address })
        .then((tenantId) => {
          if (!tenantId) return callback(smtpError(550, '5.1.1 No such mailbox here'));
          const set = tenants.get(session.id) ?? new Set<string>();
          set.add(tenantId);
          tenants.set(session.id, set);
          callback();
        })
        .catch((error: unknown) => {
          log.error({ err: error }, 'inbound smtp: recipient lookup failed');
          callback(smtpError(451, '4.3.0 Try again later'));
        });
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      let bytes = 0;
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        // Past the limit nothing more is kept: the refusal below needs no body.
        if (bytes <= maxBytes) chunks.push(chunk);
      });
      stream.on('end', () => {
        const targets = [...(tenants.get(session.id) ?? [])];
        tenants.delete(session.id);
        if (stream.sizeExceeded || bytes > maxBytes) return callback(smtpError(552, '5.3.4 Message too big'));
        const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        simpleParser(Buffer.concat(chunks))
          .then(async (parsed) => {
            const mail = toInboundMail(parsed, envelopeFrom);
            const outcomes: InboundOutcome[] = [];
            for (const tenantId of targets) outcomes.push(await receiveMail({ deps: o.deps, tenantId, mail, limits: o.limits ?? DEFAULT_LIMITS }));
            log.info({ from: mail.from?.address ? '[sender]' : null, outcomes: outcomes.map((x) => x.outcome) }, 'inbound mail');
            if (outcomes.some((x) => x.outcome === 'rate_limited')) return callback(smtpError(451, '4.7.1 Too many messages from this sender; try later'));
            callback();
          })
          .catch((error: unknown) => {
            log.error({ err: error }, 'inbound smtp: message not stored');
            callback(smtpError(451, '4.3.0 Message not stored; try again later'));
          });
      });
    },
  });
  server.on('error', (error) => log.error({ err: error }, 'inbound smtp'));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(o.port, o.host ?? '0.0.0.0', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export type StartInboundFromEnvOptions = { app: FastifyInstance; deps: Deps };
/** With KEHU_SMTP_INBOUND_PORT set, `serve` listens for mail beside HTTP (docs/operations.md); stopped with the app. */
export function startInboundFromEnv({ app, deps }: StartInboundFromEnvOptions): void {
  const text = process.env.KEHU_SMTP_INBOUND_PORT;
  if (!text) return;
  // A bad value stops start-up and names the variable, as the platform's settings do.
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`KEHU_SMTP_INBOUND_PORT: not a port number: ${text}`);
  const maxMb = Number(process.env.KEHU_SMTP_INBOUND_MAX_MB ?? 25);
  if (!Number.isFinite(maxMb) || maxMb <= 0 || maxMb > 1024)
    throw new Error(`KEHU_SMTP_INBOUND_MAX_MB: not a size in MB (1-1024): ${process.env.KEHU_SMTP_INBOUND_MAX_MB}`);
  let running: InboundSmtp | null = null;
  app.addHook('onListen', async () => {
    running = await startInboundSmtp({ deps, port, host: process.env.KEHU_SMTP_INBOUND_HOST ?? '0.0.0.0', maxBytes: maxMb * 1024 * 1024 });
    deps.log.info({ port: running.port }, 'inbound SMTP listening');
  });
  app.addHook('onClose', async () => {
    await running?.close();
  });
}
