import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Config, FilesS3Config } from '../config.ts';

/** Where file bytes live; rows in `files` name the store and the key. */
export type FileStore = {
  readonly kind: 'local' | 's3';
  /** Writes the whole stream under `key`; a failed write leaves nothing behind. */
  put(key: string, body: Readable, contentType: string): Promise<void>;
  /** The bytes as a stream (404s are the caller's: the row exists before the bytes are read). */
  get(key: string): Promise<Readable>;
  /** Removes the bytes; a missing key is not an error (deletes are retried). */
  remove(key: string): Promise<void>;
};

/** The server's data directory (`KEHU_DATA_DIR/files/<tenant>/<id>`): written to `.part`, then renamed. */
export function localFileStore(root: string): FileStore {
  const path = (key: string) => join(root, ...key.split('/'));
  return {
    kind: 'local',
    async put(key, body) {
      const target = path(key);
      await mkdir(dirname(target), { recursive: true });
      const part = `${target}.part`;
      try {
        await pipeline(body, createWriteStream(part, { flags: 'wx' }));
        await rename(part, target);
      } catch (err) {
        await rm(part, { force: true });
        throw err;
      }
    },
    get: async (key) => createReadStream(path(key)),
    remove: (key) => rm(path(key), { force: true }),
  };
}

/** An S3-compatible bucket (AWS S3, MinIO, Ceph, OSS/COS in S3 mode): streamed multipart upload of unknown length. */
export function s3FileStore(s3: FilesS3Config): FileStore {
  // The SDK is loaded on first use: nearly a second at start for a server that may never touch S3.
  let sdk: Promise<{ client: S3Client; s3: typeof import('@aws-sdk/client-s3'); Upload: typeof import('@aws-sdk/lib-storage').Upload }> | undefined;
  const load = () =>
    (sdk ??= Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/lib-storage')]).then(([sdkS3, { Upload }]) => ({
      s3: sdkS3,
      Upload,
      client: new sdkS3.S3Client({
        region: s3.region,
        ...(s3.endpoint ? { endpoint: s3.endpoint } : {}),
        forcePathStyle: s3.forcePathStyle,
        ...(s3.accessKeyId && s3.secretAccessKey ? { credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } } : {}),
      }),
    })));
  const Key = (key: string) => (s3.prefix ? `${s3.prefix}/${key}` : key);
  return {
    kind: 's3',
    async put(key, body, contentType) {
      const { client, Upload } = await load();
      await new Upload({ client, params: { Bucket: s3.bucket, Key: Key(key), Body: body, ContentType: contentType } }).done();
    },
    async get(key) {
      const { client, s3: sdkS3 } = await load();
      const res = await client.send(new sdkS3.GetObjectCommand({ Bucket: s3.bucket, Key: Key(key) }));
      return res.Body as Readable;
    },
    async remove(key) {
      const { client, s3: sdkS3 } = await load();
      await client.send(new sdkS3.DeleteObjectCommand({ Bucket: s3.bucket, Key: Key(key) }));
    },
  };
}

const stores = new WeakMap<Config, { local: FileStore; s3?: FileStore }>();

/** The stores of this configuration, built once: new files go to S3 when configured, else the data dir; old rows keep their store. */
export function fileStoresOf(config: Config): { write: FileStore; byKind: (kind: string) => FileStore } {
  let built = stores.get(config);
  if (!built) {
    built = { local: localFileStore(join(config.dataDir, 'files')), ...(config.filesS3 ? { s3: s3FileStore(config.filesS3) } : {}) };
    stores.set(config, built);
  }
  const b = built;
  return {
    write: b.s3 ?? b.local,
    byKind: (kind) => {
      if (kind === 's3' && b.s3) return b.s3;
      if (kind === 'local') return b.local;
      throw new Error(`File store ${kind} is not configured`);
    },
  };
}
