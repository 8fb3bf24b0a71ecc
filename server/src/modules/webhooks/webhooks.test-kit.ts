import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export type Received = { path: string; headers: http.IncomingHttpHeaders; body: string; at: number };

/** What the receiver does per path: a status, or `hang`, or `huge` (a 50 MB answer), or a sequence of statuses. */
export type Behaviour = number | 'hang' | 'huge' | number[];

export type Receiver = {
  url: (path: string) => string;
  received: Received[];
  on: (path: string, behaviour: Behaviour) => void;
  /** Bytes of `huge` answers written before the client went away. */
  hugeBytesWritten: () => number;
  close: () => Promise<void>;
};

/** A real HTTP receiver on loopback: records every request and answers as told. */
export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const behaviours = new Map<string, Behaviour>();
  const hanging = new Set<http.ServerResponse>();
  let hugeBytes = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      let b = behaviours.get(path) ?? 200;
      if (Array.isArray(b)) {
        const [first = 200, ...rest] = b;
        behaviours.set(path, rest.length ? rest : first);
        b = first;
      }
      if (b === 'hang') {
        hanging.add(res);
        return;
      }
      if (b === 'huge') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        const chunk = Buffer.alloc(64 * 1024, 'x');
        let left = 50 * 1024 * 1024;
        const write = () => {
          while (left > 0) {
            left -= chunk.length;
            hugeBytes += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', write);
          }
          res.end();
        };
        res.on('close', () => {
          left = 0;
        });
        write();
        return;
      }
      res.writeHead(b, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: b < 300, 收到: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    on: (path, behaviour) => void behaviours.set(path, behaviour),
    hugeBytesWritten: () => hugeBytes,
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

type Verify = (rawBody: string | Buffer, header: string, secret: string, toleranceSeconds?: number) => boolean;

/** The verification snippet exactly as docs/webhooks.md shows it, loaded as a module. */
export async function docsVerifier(): Promise<Verify> {
  const doc = readFileSync(new URL('../../../../docs/webhooks.md', import.meta.url), 'utf8');
  const match = /<!-- verify-snippet -->\s*```js\n([\s\S]*?)```/.exec(doc);
  if (!match?.[1]) throw new Error('docs/webhooks.md has no verify-snippet block');
  const file = join(mkdtempSync(join(tmpdir(), 'kehu-webhook-doc-')), 'verify.mjs');
  writeFileSync(file, match[1]);
  const module = (await import(pathToFileURL(file).href)) as { verifyKehuSignature: Verify };
  return module.verifyKehuSignature;
}
