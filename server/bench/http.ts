import { type ChildProcess, fork } from 'node:child_process';
import autocannon from 'autocannon';
import type { Figures } from './bare.ts';
import type { Captured } from './capture.ts';

export type AppProcess = { port: number; rss: () => Promise<number>; idle: () => Promise<boolean>; stop: () => Promise<void> };

const reply = <T>(child: ChildProcess, key: string) =>
  new Promise<T>((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`bench server exited with ${code}`));
    const onMessage = (m: Record<string, T>) => {
      if (!(key in m)) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(m[key] as T);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });

/** Forks a bench server (through tsx, like bin/kehu.js) and waits for its port; BENCH_NODE_ARGS=--cpu-prof profiles it. */
function forkServer(file: string, args: string[]): { child: ChildProcess; port: Promise<number> } {
  const child = fork(new URL(file, import.meta.url), args, {
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_NODE_ARGS?.split(' ') ?? [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return { child, port: reply<number>(child, 'port') };
}

const stopper = (child: ChildProcess) => async () => {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send({ type: 'stop' });
  await exited;
};

/** The app (bench/server.ts) in its own process. */
export async function startApp(target: string, poolSize: number): Promise<AppProcess> {
  const { child, port } = forkServer('./server.ts', [target, String(poolSize)]);
  return {
    port: await port,
    rss: () => {
      child.send({ type: 'rss' });
      return reply<number>(child, 'rss');
    },
    idle: () => {
      child.send({ type: 'idle' });
      return reply<boolean>(child, 'idle');
    },
    stop: stopper(child),
  };
}

/** The same SQL behind the thinnest HTTP server (bench/plain-server.ts; PostgreSQL only), bare or in the tenant's transaction. */
export async function startPlain(url: string, poolSize: number, tenantId: string, scenarios: Captured[]): Promise<{ port: number; stop: () => Promise<void> }> {
  const { child, port } = forkServer('./plain-server.ts', [url, String(poolSize), tenantId]);
  child.send({ scenarios });
  return { port: await port, stop: stopper(child) };
}

/** autocannon over `paths`, rotating through them, after a warm-up; `settle` waits out requests still running. */
async function hammerHttp(o: {
  port: number;
  paths: string[];
  headers: Record<string, string>;
  connections: number;
  seconds: number;
  settle?: () => Promise<unknown>;
}): Promise<Figures> {
  let i = 0;
  const run = (seconds: number) =>
    autocannon({
      url: `http://127.0.0.1:${o.port}`,
      connections: o.connections,
      duration: seconds,
      headers: o.headers,
      requests: [{ setupRequest: (req) => ({ ...req, path: o.paths[i++ % o.paths.length] as string }) }],
    });
  const probe = await fetch(`http://127.0.0.1:${o.port}${o.paths[0]}`, { headers: o.headers });
  if (probe.status !== 200) throw new Error(`${o.paths[0]}: ${probe.status} ${(await probe.text()).slice(0, 300)}`);
  await run(Math.min(2, o.seconds)); // warm-up: JIT, pool connections, caches
  await o.settle?.();
  const result = await run(o.seconds);
  await o.settle?.();
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average, errors: result.errors + result.non2xx };
}

export type HttpOptions = { app: AppProcess; token: string; scenario: Captured; connections: number; seconds: number };

/** autocannon against the scenario's path(s) on the app, rotating through them (get-by-id uses many ids). */
export function runHttp(o: HttpOptions): Promise<Figures> {
  const headers = { authorization: `Bearer ${o.token}` };
  return hammerHttp({ port: o.app.port, paths: o.scenario.paths, headers, connections: o.connections, seconds: o.seconds, settle: o.app.idle });
}

export type PlainOptions = { port: number; route: 'plain' | 'tx'; index: number; scenario: Captured; connections: number; seconds: number };

/** The scenario's captured statements through the plain server (`route`: plain or tx), rotating as the bare run does. */
export function runPlain(o: PlainOptions): Promise<Figures> {
  const paths = o.scenario.main.map((_, i) => `/${o.route}/${o.index}/${i}`);
  return hammerHttp({ port: o.port, paths, headers: {}, connections: o.connections, seconds: o.seconds });
}
