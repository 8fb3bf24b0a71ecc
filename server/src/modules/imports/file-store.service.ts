import type { Readable } from 'node:stream';
import { inTenant } from '#db/tx.ts';
import type { Deps } from '#platform/deps.ts';
import * as repo from './imports.repo.ts';
import { importsErrors } from './imports.errors.ts';

/** Chunks of the upload as stored, one short transaction per megabyte (never the whole file in memory). */
const CHUNK_BYTES = 1024 * 1024;
/** Uploads larger than this are refused while streaming. */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

export type StoredFile = { size: number; head: Buffer };

/** Streams the request body into import_chunks (bytea), so any instance sharing the database can read it. */
export type StoreFileOptions = { deps: Deps; tenantId: string; importId: string; body: Readable };

export async function storeFile({ deps, tenantId, importId, body }: StoreFileOptions): Promise<StoredFile> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let size = 0;
  let seq = 0;
  let head: Buffer | null = null;
  const flush = async () => {
    if (!pendingBytes) return;
    const data = Buffer.concat(pending);
    head ??= data.subarray(0, 65536);
    pending = [];
    pendingBytes = 0;
    await inTenant(deps.db.kysely, tenantId, (tx) => repo.insertChunk(tx, tenantId, importId, seq++, data));
  };
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_UPLOAD_BYTES) throw importsErrors.tooLarge(MAX_UPLOAD_BYTES / 1024 / 1024);
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (pendingBytes >= CHUNK_BYTES) await flush();
  }
  await flush();
  return { size, head: head ?? Buffer.alloc(0) };
}

/** The stored file, chunk by chunk, each read in its own short transaction. */
export type StoredChunksOptions = { deps: Deps; tenantId: string; importId: string };

export async function* storedChunks({ deps, tenantId, importId }: StoredChunksOptions): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const chunk = await inTenant(deps.db.kysely, tenantId, (tx) => repo.readChunk(tx, importId, seq));
    if (!chunk) return;
    yield chunk;
  }
}
