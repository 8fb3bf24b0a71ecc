import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectFormat } from './file-format.rules.ts';
import { readRows } from './file-rows.service.ts';
import { VCARD_COLUMNS } from './vcard.rules.ts';

/** UTF-8 bytes of `text` as quoted-printable, the way Android's contacts export writes them. */
const qp = (text: string) => [...Buffer.from(text, 'utf8')].map((b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');

async function rows(text: string | Buffer, chunkSize = 7) {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  // Small chunks, so lines, folds and multi-byte characters are cut across reads.
  const chunks = async function* () {
    for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
  };
  const out: Record<string, string>[] = [];
  for await (const row of readRows({ format: 'vcf', encoding: Buffer.isBuffer(text) ? 'gb18030' : 'utf-8', chunks })) {
    out.push(Object.fromEntries(VCARD_COLUMNS.map((c, i) => [c, row[i] ?? ''])));
  }
  return out;
}

describe('vCard rows', () => {
  it('is detected by extension or by its first line', () => {
    expect(detectFormat(Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\n'), 'contacts.txt')).toBe('vcf');
    expect(detectFormat(Buffer.from('\ufeffBEGIN:VCARD\n'), 'x')).toBe('vcf');
    expect(detectFormat(Buffer.from('name,email\n'), 'export.VCF')).toBe('vcf');
    expect(detectFormat(Buffer.from('name,email\n'), 'export.csv')).toBe('csv');
  });

  it('reads an Android 2.1 export: quoted-printable Chinese names with soft line breaks, bare TYPE params', async () => {
    const encodedName = qp('张伟');
    const encodedOrg = qp('深圳市华为技术有限公司');
    const text = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      `N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${qp('张')};${qp('伟')};;;`,
      `FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${encodedName}`,
      // A soft line break ("=" at the end) splits the organisation in the middle of a character.
      `ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${encodedOrg.slice(0, 20)}=`,
      `${encodedOrg.slice(20)}`,
      'TEL;CELL;PREF:138-0013-8000',
      'TEL;WORK:0755-2878 0808',
      'EMAIL;HOME:zhang.wei@example.cn',
      'END:VCARD',
    ].join('\r\n');
    const [header, card] = await rows(text);
    expect(Object.values(header ?? {})).toEqual([...VCARD_COLUMNS]);
    expect(card).toMatchObject({
      'Full name': '张伟',
      'Last name': '张',
      'First name': '伟',
      Organization: '深圳市华为技术有限公司',
      Mobile: '138-0013-8000',
      Phone: '0755-2878 0808',
      Email: 'zhang.wei@example.cn',
    });
  });

  it('reads 3.0 and 4.0 cards: folded lines, escapes, grouped properties, ADR, NOTE, BDAY, a name built from N', async () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Li Na',
      'N:Li;Na;;;',
      'ORG:Acme\\, Inc.;Sales',
      'TITLE:Head of ',
      ' Sales',
      'item1.EMAIL;type=INTERNET;type=WORK;type=pref:li.na@acme.example',
      'item2.EMAIL;type=INTERNET:na@home.example',
      'TEL;TYPE=WORK,VOICE:+1 415 555 0100',
      'TEL;TYPE=CELL:+1 415 555 0199',
      'ADR;TYPE=WORK:;;1 Market St\\nSuite 5;San Francisco;CA;94105;USA',
      'NOTE:Met at the fair\\; wants a demo\\nnext week',
      'BDAY:1988-03-09',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'N:王;芳;;;',
      'TEL;VALUE=uri;TYPE="cell,voice":tel:+86-139-0000-1111',
      'BDAY:19900105',
      'END:VCARD',
    ].join('\n');
    const [, first, second] = await rows(text, 5);
    expect(first).toMatchObject({
      'Full name': 'Li Na',
      Organization: 'Acme, Inc.',
      Department: 'Sales',
      Title: 'Head of Sales',
      Email: 'li.na@acme.example',
      'Email 2': 'na@home.example',
      Phone: '+1 415 555 0100',
      Mobile: '+1 415 555 0199',
      Street: '1 Market St Suite 5',
      City: 'San Francisco',
      Province: 'CA',
      Postcode: '94105',
      Country: 'USA',
      Note: 'Met at the fair; wants a demo\nnext week',
      Birthday: '1988-03-09',
    });
    expect(second).toMatchObject({ 'Full name': '王芳', Mobile: '+86-139-0000-1111', Birthday: '19900105' });
  });

  it('reads a GBK file whose QP parts name their own charset', async () => {
    const gbkQp = [...iconv.encode('李娜', 'gbk')].map((b) => `=${b.toString(16).toUpperCase()}`).join('');
    const text = iconv.encode(
      ['BEGIN:VCARD', 'VERSION:2.1', `FN;CHARSET=GBK;ENCODING=QUOTED-PRINTABLE:${gbkQp}`, 'ORG:百度', 'END:VCARD', ''].join('\r\n'),
      'gbk',
    );
    const [, card] = await rows(text);
    expect(card).toMatchObject({ 'Full name': '李娜', Organization: '百度' });
  });
});
