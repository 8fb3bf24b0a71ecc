import type { TestApp, TestUser } from '#test/app.ts';

/** A multipart/form-data body with one file part, as a browser's FormData sends it. */
export function multipartBody(o: { name: string; bytes: Buffer; type?: string }) {
  const boundary = `----kehu${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${o.name}"; filename*=UTF-8''${encodeURIComponent(o.name)}\r\nContent-Type: ${o.type ?? 'application/octet-stream'}\r\n\r\n`,
  );
  const payload = Buffer.concat([head, o.bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Uploads a file to a record over the API. */
export function uploadTo(t: TestApp, user: TestUser, o: { recordType: string; recordId: string; name: string; bytes: Buffer; locale?: string }) {
  const body = multipartBody(o);
  return t.request(user, {
    method: 'POST',
    url: `/api/v1/files?recordType=${o.recordType}&recordId=${o.recordId}`,
    headers: { ...body.headers, ...(o.locale ? { 'accept-language': o.locale } : {}) },
    payload: body.payload,
  });
}

/** A minimal PDF (file-type names it by its `%PDF-` header). */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
/** The start of a Windows executable (MZ header with a PE signature). */
export function exeBytes(): Buffer {
  const b = Buffer.alloc(1024);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
}
