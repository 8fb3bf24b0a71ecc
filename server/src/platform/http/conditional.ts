import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.ts';

/** ETag of a versioned record: its version number, quoted. */
export const etagOf = (version: number) => `"${version}"`;

export function withEtag<T extends { version: number }>(reply: FastifyReply, record: T): T {
  reply.header('etag', etagOf(record.version));
  return record;
}

/** Reads `If-Match` ("3", W/"3" or 3). Absent means "last write wins" unless `required`. */
export function expectedVersion(request: FastifyRequest, required = false): number | undefined {
  const raw = request.headers['if-match'];
  if (raw === undefined || raw === '*') {
    if (required) throw new AppError('precondition_required');
    return undefined;
  }
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(String(raw).trim());
  if (!match) throw new AppError('precondition_failed', { params: { expected: raw, actual: '?' } });
  return Number(match[1]);
}
