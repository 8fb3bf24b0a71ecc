import { type LookupAddress, lookup as dnsLookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { type AddressPolicy, checkAddress, literalAddress } from './address-policy.rules.ts';

export type PostOptions = {
  url: URL;
  headers: Record<string, string>;
  body: string;
  policy: AddressPolicy;
  /** The whole exchange: connect, headers and the body we read. */
  timeoutMs: number;
  /** Response bytes kept for the log. */
  keepBytes: number;
  /** Response bytes read at most; past this the connection is dropped. */
  maxBytes: number;
};

export type PostResult = {
  status: number | null;
  body: string | null;
  truncated: boolean;
  /** Why no answer came: timeout, refused_address, or the socket's error code. */
  error: string | null;
  durationMs: number;
};

class RefusedAddress extends Error {
  constructor(readonly address: string) {
    super('refused_address');
  }
}

/** dns.lookup that refuses a name if any of its addresses is refused (checked at connect time, so a rebinding name cannot slip by). */
function guardedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.find((a) => !checkAddress(a.address, policy).ok);
      if (refused) return callback(new RefusedAddress(refused.address), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error('no address'), { code: 'ENOTFOUND' }), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

// Keep-alive agents, one pair per policy: a busy receiver is not reconnected for every event.
const agents = new Map<string, { http: http.Agent; https: https.Agent }>();
function agentsFor(policy: AddressPolicy) {
  const key = String(policy.allowPrivate);
  let pair = agents.get(key);
  if (!pair) {
    const lookup = guardedLookup(policy);
    const options = { keepAlive: true, maxSockets: 16, timeout: 30_000, lookup };
    pair = { http: new http.Agent(options), https: new https.Agent(options) };
    agents.set(key, pair);
  }
  return pair;
}

/** NUL cannot go into a PostgreSQL text column; a receiver may send anything. */
const printable = (buffer: Buffer) => buffer.toString('utf8').replaceAll('\u0000', '\uFFFD');

/**
 * One POST that never follows redirects, never connects to a refused address, gives up after
 * `timeoutMs`, and reads at most `maxBytes` of the answer (keeping `keepBytes`). Never throws.
 */
export function postWebhook(o: PostOptions): Promise<PostResult> {
  const started = performance.now();
  const done = (r: Omit<PostResult, 'durationMs'>): PostResult => ({ ...r, durationMs: Math.round(performance.now() - started) });
  const literal = literalAddress(o.url);
  if (literal && !checkAddress(literal, o.policy).ok) return Promise.resolve(done({ status: null, body: null, truncated: false, error: 'refused_address' }));
  const secure = o.url.protocol === 'https:';
  const pair = agentsFor(o.policy);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (r: Omit<PostResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(done(r));
    };
    const request = (secure ? https : http).request(o.url, {
      method: 'POST',
      agent: secure ? pair.https : pair.http,
      headers: { ...o.headers, 'content-length': String(Buffer.byteLength(o.body)) },
    });
    const timer = setTimeout(() => {
      finish({ status: null, body: null, truncated: false, error: 'timeout' });
      request.destroy();
    }, o.timeoutMs);
    request.on('error', (error: NodeJS.ErrnoException) => {
      finish({ status: null, body: null, truncated: false, error: error instanceof RefusedAddress ? 'refused_address' : (error.code ?? error.message) });
    });
    request.on('response', (response) => {
      const status = response.statusCode ?? null;
      const kept: Buffer[] = [];
      let keptBytes = 0;
      let read = 0;
      const result = (truncated: boolean) => ({ status, body: printable(Buffer.concat(kept)), truncated, error: null });
      response.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (keptBytes < o.keepBytes) {
          const part = chunk.subarray(0, o.keepBytes - keptBytes);
          kept.push(part);
          keptBytes += part.length;
        }
        if (read > o.maxBytes) {
          // Enough: the rest of a huge answer is not read, and the socket is not reused.
          finish(result(true));
          response.destroy();
          request.destroy();
        }
      });
      response.on('end', () => finish(result(read > keptBytes)));
      response.on('error', () => finish(result(true)));
      response.on('aborted', () => finish(result(true)));
    });
    request.end(o.body);
  });
}
