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

/** Forks bench/server.ts (through tsx, like bin/kehu.js) and waits for its port; BENCH_NODE_ARGS=--cpu-prof profiles it. */
export async function startApp(target: string, poolSize: number): Promise<AppProcess> {
  const child = fork(new URL('./server.ts', import.meta.url), [target, String(poolSize)], {
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_NODE_ARGS?.split(' ') ?? [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await reply<number>(child, 'port');
  return {
    port,
    rss: () => {
      child.send({ type: 'rss' });
      return reply<number>(child, 'rss');
    },
    idle: () => {
      child.send({ type: 'idle' });
      return reply<boolean>(child, 'idle');
    },
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' });
      await exited;
    },
  };
}

export type HttpOptions = { app: AppProcess; token: string; scenario: Captured; connections: number; seconds: number };

/** autocannon against the scenario's path(s), rotating through them (get-by-id uses many ids). */
export async function runHttp(o: HttpOptions): Promise<Figures> {
  let i = 0;
  const paths = o.scenario.paths;
  const run = (seconds: number) =>
    autocannon({
      url: `http://127.0.0.1:${o.app.port}`,
      connections: o.connections,
      duration: seconds,
      headers: { authorization: `Bearer ${o.token}` },
      requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] as string }) }],
    });
  const probe = await fetch(`http://127.0.0.1:${o.app.port}${paths[0]}`, { headers: { authorization: `Bearer ${o.token}` } });
  if (probe.status !== 200) throw new Error(`${paths[0]}: ${probe.status} ${(await probe.text()).slice(0, 300)}`);
  await run(Math.min(2, o.seconds)); // warm-up: JIT, pool connections, caches
  await o.app.idle();
  const result = await run(o.seconds);
  await o.app.idle();
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average, errors: result.errors + result.non2xx };
}
