import { extname } from 'node:path';

/** What a tenant accepts when an admin set nothing: documents, images, archives and plain text. */
export const DEFAULT_ALLOWED_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/x-cfb',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/zip',
  'text/plain',
  'text/csv',
] as const;
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
/** No tenant setting goes past this (the "a 200 MB attachment" is refused everywhere). */
export const HARD_MAX_BYTES = 100 * 1024 * 1024;

/** Executables and scripts, refused whatever a tenant allows (sniffed type or name). */
const EXECUTABLE_TYPES = new Set([
  'application/x-msdownload',
  'application/x-elf',
  'application/x-mach-binary',
  'application/x-sh',
  'application/x-msi',
  'application/java-archive',
  'application/vnd.microsoft.portable-executable',
]);
const EXECUTABLE_EXTENSIONS = new Set([
  '.exe',
  '.dll',
  '.com',
  '.bat',
  '.cmd',
  '.msi',
  '.scr',
  '.ps1',
  '.sh',
  '.vbs',
  '.js',
  '.jar',
  '.app',
  '.apk',
  '.bin',
  '.elf',
]);

export function isExecutable(o: { name: string; contentType: string }): boolean {
  return EXECUTABLE_TYPES.has(o.contentType) || EXECUTABLE_EXTENSIONS.has(extname(o.name).toLowerCase());
}

/**
 * The type of bytes file-type could not name: UTF-8 without NUL bytes is text (CSV by its name),
 * anything else is opaque. A script starting `#!` is a shell script whatever its name says.
 */
export function textTypeOf(head: Buffer, name: string): string {
  if (head.subarray(0, 2).toString('latin1') === '#!') return 'application/x-sh';
  if (head.includes(0)) return 'application/octet-stream';
  // A multi-byte character cut at the sample's end is still text: drop up to 3 trailing bytes before decoding.
  for (let cut = 0; cut <= Math.min(3, head.length); cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, head.length - cut));
      return extname(name).toLowerCase() === '.csv' ? 'text/csv' : 'text/plain';
    } catch {}
  }
  return 'application/octet-stream';
}

/** A file name safe to store and send back: no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (clean || 'file').slice(0, 200);
}
