import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '#db/tx.ts';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { eraseFilesOfRecords, filesOfRecords } from './files.service.ts';
import { exeBytes, PDF_BYTES, uploadTo } from './files.test-kit.ts';

const countFiles = async (dir: string): Promise<number> => {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).length;
  } catch {
    return 0;
  }
};

describe.skipIf(!databaseAvailable)('files: streamed upload, sniffed type, limits, download under the record’s scope', () => {
  let t: TestApp;
  let dataDir: string;
  let rep: TestUser;
  let rep2: TestUser;
  let contact: { id: string };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kehu-files-'));
    t = await createTestApp({ config: { dataDir } });
    rep = await t.createUser({ role: 'Sales Rep', name: '销售 Rep' });
    rep2 = await t.createUser({ role: 'Sales Rep', name: '销售二 Rep2' });
    contact = (await t.request(rep, { method: 'POST', url: '/api/v1/contacts', payload: { name: '王小明' } })).json();
  });
  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('stores the bytes in the data dir with the type sniffed from them (not the name), size and sha256; downloads them back with the name', async () => {
    const res = await uploadTo(t, rep, { recordType: 'contact', recordId: contact.id, name: '合同 扫描件.txt', bytes: PDF_BYTES });
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json();
    expect(file).toMatchObject({
      name: '合同 扫描件.txt',
      contentType: 'application/pdf',
      size: PDF_BYTES.length,
      recordType: 'contact',
      recordId: contact.id,
      createdBy: rep.id,
    });
    expect(file.sha256).toBe(createHash('sha256').update(PDF_BYTES).digest('hex'));
    expect(await countFiles(join(dataDir, 'files'))).toBe(1);

    const down = await t.request(rep, { method: 'GET', url: `/api/v1/files/${file.id}/content` });
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('合同 扫描件.txt')}`);
    expect(down.rawPayload.equals(PDF_BYTES)).toBe(true);

    const list = await t.request(rep, { method: 'GET', url: `/api/v1/files?recordType=contact&recordId=${contact.id}` });
    expect(list.json().data.map((f: { id: string }) => f.id)).toEqual([file.id]);
    const history = await t.request(rep, { method: 'GET', url: `/api/v1/audit-log?objectType=contact&objectId=${contact.id}` });
    if (history.statusCode === 200) expect(JSON.stringify(history.json())).toContain('file_added');
  });

  it('a rep who may not see the record gets 404 for its files (list, details, download) and cannot attach to it', async () => {
    const [file] = (await t.request(rep, { method: 'GET', url: `/api/v1/files?recordType=contact&recordId=${contact.id}` })).json().data;
    for (const url of [`/api/v1/files/${file.id}`, `/api/v1/files/${file.id}/content`, `/api/v1/files?recordType=contact&recordId=${contact.id}`]) {
      const res = await t.request(rep2, { method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await uploadTo(t, rep2, { recordType: 'contact', recordId: contact.id, name: 'x.pdf', bytes: PDF_BYTES })).statusCode).toBe(404);
    expect((await t.request(rep2, { method: 'DELETE', url: `/api/v1/files/${file.id}` })).statusCode).toBe(404);
    expect((await t.request(t.admin, { method: 'GET', url: `/api/v1/files/${file.id}/content` })).statusCode).toBe(200);
  });

  it('refuses executables (by bytes or by name), types the tenant does not accept and files over its limit, translated, storing nothing', async () => {
    const before = await countFiles(join(dataDir, 'files'));
    const exe = await uploadTo(t, rep, { recordType: 'contact', recordId: contact.id, name: 'invoice.pdf', bytes: exeBytes(), locale: 'zh-CN' });
    expect(exe.statusCode).toBe(415);
    expect(exe.headers['content-type']).toContain('application/problem+json');
    expect(exe.json().detail).toBe('不能上传可执行文件或脚本');
    const script = await uploadTo(t, rep, { recordType: 'contact', recordId: contact.id, name: 'run.sh', bytes: Buffer.from('echo hi\n') });
    expect(script.statusCode).toBe(415);
    const shebang = await uploadTo(t, rep, { recordType: 'contact', recordId: contact.id, name: 'notes.txt', bytes: Buffer.from('#!/bin/sh\nrm -rf /\n') });
    expect(shebang.statusCode).toBe(415);

    expect(
      (await t.request(rep, { method: 'PUT', url: '/api/v1/file-settings', payload: { maxBytes: 2048, allowedTypes: ['application/pdf', 'text/plain'] } }))
        .statusCode,
    ).toBe(403);
    const set = await t.request(t.admin, {
      method: 'PUT',
      url: '/api/v1/file-settings',
      payload: { maxBytes: 2048, allowedTypes: ['application/pdf', 'text/plain'] },
    });
    expect(set.statusCode, set.body).toBe(200);
    const big = await uploadTo(t, rep, { recordType: 'contact', recordId: contact.id, name: '大文件.txt', bytes: Buffer.alloc(100_000, 'a'), locale: 'zh-CN' });
    expect(big.statusCode).toBe(413);
    expect(big.json().detail).toBe('文件超过本工作区的上限 2 KB');
    const csv = await uploadTo(t, rep, {
      recordType: 'contact',
      recordId: contact.id,
      name: 'list.csv',
      bytes: Buffer.from('姓名,电话\n王,1\n'),
      locale: 'en',
    });
    expect(csv.statusCode).toBe(415);
    expect(csv.json().detail).toContain('text/csv');
    expect((await uploadTo(t, rep, { recordType: 'nothing', recordId: contact.id, name: 'a.txt', bytes: Buffer.from('hi') })).statusCode).toBe(400);
    expect(await countFiles(join(dataDir, 'files'))).toBe(before);
    await t.request(t.admin, {
      method: 'PUT',
      url: '/api/v1/file-settings',
      payload: { maxBytes: 20 * 1024 * 1024, allowedTypes: ['application/pdf', 'text/plain', 'text/csv'] },
    });
  });

  it('follows its record into the recycle bin and back; deleting a file removes its bytes; erasure lists and removes a record’s files', async () => {
    const [file] = (await t.request(rep, { method: 'GET', url: `/api/v1/files?recordType=contact&recordId=${contact.id}` })).json().data;
    expect((await t.request(t.admin, { method: 'DELETE', url: `/api/v1/contacts/${contact.id}` })).statusCode).toBe(204);
    expect((await t.request(rep, { method: 'GET', url: `/api/v1/files/${file.id}/content` })).statusCode).toBe(404);
    const restored = await t.request(t.admin, { method: 'POST', url: `/api/v1/contacts/${contact.id}/restore` });
    expect(restored.statusCode, restored.body).toBeLessThan(300);
    expect((await t.request(rep, { method: 'GET', url: `/api/v1/files/${file.id}/content` })).statusCode).toBe(200);

    const second = (
      await uploadTo(t, rep, { recordType: 'contact', recordId: contact.id, name: '备注.txt', bytes: Buffer.from('客户要求 月底前回款\n') })
    ).json();
    expect(second.contentType).toBe('text/plain');
    expect((await t.request(rep, { method: 'DELETE', url: `/api/v1/files/${second.id}` })).statusCode).toBe(204);
    expect((await t.request(rep, { method: 'GET', url: `/api/v1/files/${second.id}` })).statusCode).toBe(404);
    expect(await countFiles(join(dataDir, 'files'))).toBe(1);

    const erased = await inTenant(t.db.kysely, t.admin.tenantId, async (tx) => {
      expect((await filesOfRecords({ tx, recordType: 'contact', recordIds: [contact.id] })).map((f) => f.id)).toEqual([file.id]);
      return eraseFilesOfRecords({ tx, deps: t.deps, recordType: 'contact', recordIds: [contact.id] });
    });
    await erased.removeBytes();
    expect(erased.erased).toBe(1);
    expect(await countFiles(join(dataDir, 'files'))).toBe(0);
  });
});
