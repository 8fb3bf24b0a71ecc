import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';

/**
 * Yields the lines of a gzip'd text file. Hand-rolled rather than readline so that the
 * stream pauses while the caller awaits (backpressure) and memory stays flat on huge backups.
 */
export async function* readGzipLines(path: string): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  for await (const chunk of gunzipFile(path)) {
    const lines = (carry + decoder.write(chunk as Buffer)).split('\n');
    carry = lines.pop() ?? '';
    for (const line of lines) yield line;
  }
  carry += decoder.end();
  if (carry) yield carry;
}

// pipe() does not forward a read error (missing file) to the gunzip stream, so do it here.
function gunzipFile(path: string) {
  const gunzip = createGunzip();
  const source = createReadStream(path);
  source.on('error', (error) => gunzip.destroy(error));
  return source.pipe(gunzip);
}

/** The first bytes of a gzip'd file, decompressed (to tell a logical backup from a tarball). */
export async function peekGzip(path: string, bytes = 512): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  const gunzip = gunzipFile(path);
  try {
    for await (const chunk of gunzip) {
      chunks.push(chunk as Buffer);
      length += (chunk as Buffer).length;
      if (length >= bytes) break;
    }
  } catch (error) {
    throw new Error(`${path} is not a Kehu backup (not gzip data: ${(error as Error).message})`);
  } finally {
    gunzip.destroy();
  }
  return Buffer.concat(chunks).subarray(0, bytes);
}
