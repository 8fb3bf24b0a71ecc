import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import { inTenant, inTenantRead, type Tx } from '#db/tx.ts';
import { writeAudit } from '../audit/audit.ts';
import type { RequestContext } from '../context.ts';
import type { Deps } from '../deps.ts';
import { AppError, invalid, notFound } from '../errors/app-error.ts';
import { emitEvent } from '../events/outbox.ts';
import { newId } from '../ids.ts';
import { definitionOf } from '../objects/object-registry.ts';
import { loadVisible } from '../records/record-service.ts';
import { fileStoresOf } from './file-store.ts';
import { cleanFileName, DEFAULT_ALLOWED_TYPES, DEFAULT_MAX_BYTES, isExecutable, textTypeOf } from './file-type.rules.ts';
import * as repo from './files.repo.ts';

/** A stored file as the API shows it. */
export type TFile = {
  id: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  recordType: string;
  recordId: string;
  createdAt: string;
  createdBy: string | null;
};
export type FileSettings = { maxBytes: number; allowedTypes: string[]; version: number };

const toApi = (r: repo.FileRow): TFile => ({
  id: r.id,
  name: r.name,
  contentType: r.content_type,
  size: Number(r.size_bytes),
  sha256: r.sha256,
  recordType: r.record_type,
  recordId: r.record_id,
  createdAt: new Date(r.created_at).toISOString(),
  createdBy: r.created_by,
});

/** The bytes file-type needs to name a format. */
const SAMPLE = 4100;

const sizeLabel = (bytes: number) => (bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

const fileErrors = {
  tooLarge: (limit: number) => new AppError('payload_too_large', { message: 'files.too_large', params: { limit: sizeLabel(limit) } }),
  executable: () => new AppError('unsupported_media_type', { message: 'files.executable' }),
  typeNotAllowed: (type: string) => new AppError('unsupported_media_type', { message: 'files.type_not_allowed', params: { type } }),
  unknownRecordType: () => invalid('recordType', 'files.unknown_record_type'),
};

/** Access to a file is access to its record: `read` to list and download, `update` to attach and remove. */
async function requireRecord(tx: Tx, deps: Deps, ctx: RequestContext, recordType: string, recordId: string, action: 'read' | 'update') {
  const declaration = (await deps.objects.forTenant(tx)).find((d) => d.name === recordType);
  const def = declaration ? definitionOf(declaration) : undefined;
  if (!def) throw fileErrors.unknownRecordType();
  await loadVisible({ tx, ctx, def, id: recordId, action });
}

export async function fileSettingsOf(tx: Tx): Promise<FileSettings> {
  const row = await repo.findFileSettings(tx);
  return row
    ? { maxBytes: Number(row.max_bytes), allowedTypes: row.allowed_types, version: row.version }
    : { maxBytes: DEFAULT_MAX_BYTES, allowedTypes: [...DEFAULT_ALLOWED_TYPES], version: 0 };
}

export type SetFileSettingsOptions = { deps: Deps; ctx: RequestContext; maxBytes: number; allowedTypes: string[] };

/** Admins set the tenant's size limit and accepted types (executables stay refused whatever is listed). */
export async function setFileSettings(o: SetFileSettingsOptions): Promise<FileSettings> {
  if (!o.ctx.access.isAdmin) throw new AppError('forbidden');
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const before = await fileSettingsOf(tx);
    const row = await repo.upsertFileSettings(tx, { tenantId: o.ctx.tenantId, maxBytes: o.maxBytes, allowedTypes: o.allowedTypes, userId: o.ctx.userId });
    await writeAudit(tx, o.ctx, {
      action: 'updated',
      objectType: 'file_settings',
      objectId: null,
      changes: { maxBytes: { from: before.maxBytes, to: o.maxBytes }, allowedTypes: { from: before.allowedTypes, to: o.allowedTypes } },
    });
    return { maxBytes: Number(row.max_bytes), allowedTypes: row.allowed_types, version: row.version };
  });
}

/** Reads up to `size` bytes off the front of a stream; `rest` replays them followed by the remainder. */
async function readHead(body: Readable, size: number): Promise<{ head: Buffer; rest: Readable }> {
  const it = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const chunks: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < size) {
    const next = await it.next();
    if (next.done) {
      done = true;
      break;
    }
    chunks.push(next.value);
    length += next.value.length;
  }
  const head = Buffer.concat(chunks);
  async function* replay() {
    yield head;
    if (done) return;
    for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
  }
  return { head, rest: Readable.from(replay(), { objectMode: false }) };
}

/** Counts and hashes the bytes on their way to the store; past `limit` it fails the write with 413. */
function meter(limit: number) {
  const hash = createHash('sha256');
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > limit) return done(fileErrors.tooLarge(limit));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ size, sha256: hash.digest('hex') }) };
}

export type UploadFileOptions = {
  deps: Deps;
  ctx: RequestContext;
  recordType: string;
  recordId: string;
  name: string;
  body: Readable;
  /** The request's Content-Length when sent: a body clearly over the limit is refused before a byte is read. */
  declaredLength?: number;
};

/**
 * Stores one uploaded file against a record the user may update: type sniffed from the bytes
 * (file-type; text by its encoding), executables refused, the tenant's size and type limits
 * enforced while streaming (never buffered whole), then the row, an audit entry on the record
 * (`file_added`, so the record's history shows it) and a `file.created` event in one transaction.
 */
export async function uploadFile(o: UploadFileOptions): Promise<TFile> {
  const { deps, ctx } = o;
  const settings = await inTenantRead(deps.db.kysely, ctx.tenantId, async (tx) => {
    await requireRecord(tx, deps, ctx, o.recordType, o.recordId, 'update');
    return fileSettingsOf(tx);
  });
  // Multipart framing adds a few hundred bytes; 64 KB of slack never refuses a file under the limit.
  if (o.declaredLength !== undefined && o.declaredLength > settings.maxBytes + 64 * 1024) throw fileErrors.tooLarge(settings.maxBytes);
  const name = cleanFileName(o.name);
  const { head, rest } = await readHead(o.body, SAMPLE);
  const contentType = (await fileTypeFromBuffer(head))?.mime ?? textTypeOf(head, name);
  if (isExecutable({ name, contentType })) throw fileErrors.executable();
  if (!settings.allowedTypes.includes(contentType)) throw fileErrors.typeNotAllowed(contentType);

  const id = newId();
  const key = `${ctx.tenantId}/${id}`;
  const store = fileStoresOf(deps.config).write;
  const measured = meter(settings.maxBytes);
  await store.put(key, rest.pipe(measured.stream), contentType);
  const { size, sha256 } = measured.result();
  try {
    const row = await inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
      await requireRecord(tx, deps, ctx, o.recordType, o.recordId, 'update');
      const row = await repo.insertFile(tx, {
        tenant_id: ctx.tenantId,
        id,
        name,
        content_type: contentType,
        size_bytes: String(size),
        sha256,
        storage: store.kind,
        storage_key: key,
        record_type: o.recordType,
        record_id: o.recordId,
        created_by: ctx.userId,
      });
      await writeAudit(tx, ctx, { action: 'file_added', objectType: o.recordType, objectId: o.recordId, changes: { file: { from: null, to: name } } });
      await emitEvent(tx, ctx, {
        type: 'file.created',
        objectType: 'file',
        objectId: id,
        payload: { recordType: o.recordType, recordId: o.recordId, name, contentType, size },
      });
      return row;
    });
    return toApi(row);
  } catch (err) {
    await store.remove(key);
    throw err;
  }
}

export type RecordFilesOptions = { deps: Deps; ctx: RequestContext; recordType: string; recordId: string };

/** A record's files, for those who may read the record. */
export async function listFiles(o: RecordFilesOptions): Promise<TFile[]> {
  return inTenantRead(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    await requireRecord(tx, o.deps, o.ctx, o.recordType, o.recordId, 'read');
    return (await repo.filesOfRecords(tx, o.recordType, [o.recordId])).map(toApi);
  });
}

export type FileOptions = { deps: Deps; ctx: RequestContext; id: string };

/** A file the user may read (its record is visible to them and not in the recycle bin: 404 otherwise). */
export async function getFile(o: FileOptions): Promise<TFile> {
  return inTenantRead(o.deps.db.kysely, o.ctx.tenantId, async (tx) => toApi(await visibleFile(tx, o, 'read')));
}

async function visibleFile(tx: Tx, o: FileOptions, action: 'read' | 'update') {
  const row = await repo.findFile(tx, o.id);
  if (!row) throw notFound('file');
  try {
    await requireRecord(tx, o.deps, o.ctx, row.record_type, row.record_id, 'read');
  } catch (err) {
    // Whether the record exists is the record's secret: a hidden record's file is simply not found.
    if (err instanceof AppError && err.code === 'not_found') throw notFound('file');
    throw err;
  }
  if (action === 'update') await requireRecord(tx, o.deps, o.ctx, row.record_type, row.record_id, 'update');
  return row;
}

/** The file and its bytes as a stream, under the record's read scope. */
export async function openFile(o: FileOptions): Promise<{ file: TFile; body: Readable }> {
  const row = await inTenantRead(o.deps.db.kysely, o.ctx.tenantId, (tx) => visibleFile(tx, o, 'read'));
  const body = await fileStoresOf(o.deps.config).byKind(row.storage).get(row.storage_key);
  return { file: toApi(row), body };
}

/** Removes a file (update access on its record): the row, audit and event commit first, then the bytes go. */
export async function deleteFile(o: FileOptions): Promise<void> {
  const row = await inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const row = await visibleFile(tx, o, 'update');
    await repo.deleteFileRows(tx, [row.id]);
    await writeAudit(tx, o.ctx, {
      action: 'file_removed',
      objectType: row.record_type,
      objectId: row.record_id,
      changes: { file: { from: row.name, to: null } },
    });
    await emitEvent(tx, o.ctx, {
      type: 'file.deleted',
      objectType: 'file',
      objectId: row.id,
      payload: { recordType: row.record_type, recordId: row.record_id, name: row.name },
    });
    return row;
  });
  await fileStoresOf(o.deps.config).byKind(row.storage).remove(row.storage_key);
}

export type FilesOfRecordsOptions = { tx: Tx; recordType: string; recordIds: readonly string[] };

/**
 * Every file linked to these records, without an access check: for the caller that already
 * decided (a privacy request exporting or erasing a person's data lists their records' files here).
 */
export async function filesOfRecords(o: FilesOfRecordsOptions): Promise<TFile[]> {
  return (await repo.filesOfRecords(o.tx, o.recordType, o.recordIds)).map(toApi);
}

/** A file's bytes by id, without an access check (privacy exports; the caller decided). */
export async function readFileBytes(o: { deps: Deps; tx: Tx; id: string }): Promise<Readable> {
  const row = await repo.findFile(o.tx, o.id);
  if (!row) throw notFound('file');
  return fileStoresOf(o.deps.config).byKind(row.storage).get(row.storage_key);
}

/**
 * Erases every file of these records (privacy erasure, a record purged for good): the rows go in
 * the caller's transaction; the bytes are removed by the returned function, to call after commit.
 */
export async function eraseFilesOfRecords(o: FilesOfRecordsOptions & { deps: Deps }): Promise<{ erased: number; removeBytes: () => Promise<void> }> {
  const rows = await repo.filesOfRecords(o.tx, o.recordType, o.recordIds);
  await repo.deleteFileRows(
    o.tx,
    rows.map((r) => r.id),
  );
  const stores = fileStoresOf(o.deps.config);
  return {
    erased: rows.length,
    removeBytes: async () => {
      for (const r of rows) await stores.byKind(r.storage).remove(r.storage_key);
    },
  };
}

/** The tenant's limits, for the upload screen. */
export async function fileSettingsFor(o: { deps: Deps; ctx: RequestContext }): Promise<FileSettings> {
  return inTenantRead(o.deps.db.kysely, o.ctx.tenantId, (tx) => fileSettingsOf(tx));
}
