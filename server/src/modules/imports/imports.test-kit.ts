import { createReadStream } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestApp, TestUser } from '#test/app.ts';
import type { TImport } from './imports.schema.ts';
import { runImport } from './import-run.service.ts';
import { runRollback } from './rollback.service.ts';

/** Writes `content` to a file in a fresh temp folder (as a user's export would be on disk). */
export async function tempFile(name: string, content: string | Buffer): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'kehu-import-')), name);
  await writeFile(path, content);
  return path;
}

export function importsClient(t: TestApp, user: TestUser) {
  const json = <T>(res: { statusCode: number; body: string; json: () => unknown }, status: number): T => {
    if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
    return res.json() as T;
  };
  return {
    upload: async (path: string, object = 'contact', contentType = 'text/csv') =>
      t.request(user, {
        method: 'POST',
        url: `/api/v1/imports?object=${object}&fileName=${encodeURIComponent(path.split('/').pop() ?? 'f')}`,
        headers: { 'content-type': contentType },
        payload: createReadStream(path),
      }),
    uploaded: async (path: string, object = 'contact') => {
      const res = await t.request(user, {
        method: 'POST',
        url: `/api/v1/imports?object=${object}&fileName=x.csv`,
        headers: { 'content-type': 'text/csv' },
        payload: createReadStream(path),
      });
      return json<TImport>(res, 201);
    },
    configure: async (id: string, body: object) => json<TImport>(await t.request(user, { method: 'PATCH', url: `/api/v1/imports/${id}`, payload: body }), 200),
    start: async (id: string) => json<TImport>(await t.request(user, { method: 'POST', url: `/api/v1/imports/${id}/start` }), 202),
    get: async (id: string) => json<TImport>(await t.request(user, { method: 'GET', url: `/api/v1/imports/${id}` }), 200),
    rollback: async (id: string) => json<TImport>(await t.request(user, { method: 'POST', url: `/api/v1/imports/${id}/rollback` }), 202),
    errorsCsv: async (id: string) => (await t.request(user, { method: 'GET', url: `/api/v1/imports/${id}/errors.csv` })).body,
    /** Runs the queued import in this process, as the job worker would. */
    run: (id: string, maxBatches?: number) => runImport({ deps: t.deps, tenantId: user.tenantId, importId: id, ...(maxBatches ? { maxBatches } : {}) }),
    runRollback: (id: string) => runRollback({ deps: t.deps, tenantId: user.tenantId, importId: id }),
    contacts: async (filter?: object) =>
      json<{
        data: {
          id: string;
          name: string;
          title: string | null;
          source: string | null;
          emails: { address: string }[];
          phones: { e164: string | null }[];
          company: { name: string } | null;
        }[];
      }>(
        await t.request(user, { method: 'GET', url: `/api/v1/contacts?limit=200${filter ? `&filter=${encodeURIComponent(JSON.stringify(filter))}` : ''}` }),
        200,
      ).data,
  };
}
