import { describe, expect, it } from 'vitest';
import { createRedactor, REDACTED, safeErrorFor, scrubText, storableText } from './redaction.ts';

describe('log redaction', () => {
  it('masks e-mail addresses and phone-like numbers in text, keeps ids, times and small numbers', () => {
    expect(scrubText('mail wang.li+crm@example.com.cn now')).toBe(`mail ${REDACTED} now`);
    for (const phone of ['13800138000', '+86 138 0013 8000', '+44 20 7946 0958', '010-6552-9988', '+8613800138000']) {
      expect(scrubText(`call ${phone}.`), phone).toBe(`call ${REDACTED}.`);
    }
    const kept = 'req 0193a8c4-5b6e-7f00-8123-456789012345 at 2026-12-07T08:12:04.123Z took 12.5 ms, 404, port 3000';
    expect(scrubText(kept)).toBe(kept);
  });

  it('drops the input PostgreSQL quotes back and the values in a key detail', () => {
    expect(scrubText('invalid input syntax for type integer: "13800138000x"')).toBe(`invalid input syntax for type integer: "${REDACTED}"`);
    expect(scrubText('Key (tenant_id, email)=(0193a8c4-5b6e-7f00-8123-456789012345, a@b.cn) already exists.')).toBe(
      `Key (tenant_id, email)=(${REDACTED}) already exists.`,
    );
  });

  it('replaces credentials in free text: bearer tokens, URL passwords, key=value and JSON pairs, known tokens, JWTs, private keys', () => {
    const cases: [string, string][] = [
      ['401 from receiver: Authorization: Bearer kht_abcDEF123456789xyz', `401 from receiver: Authorization: ${REDACTED}`],
      ['connect smtp://mailer:hunter2@smtp.example.com:465 failed', `connect smtp://${REDACTED}@smtp.example.com:465 failed`],
      ['Invalid login: user=ops password=S3cr3t! rejected', `Invalid login: user=ops password=${REDACTED} rejected`],
      ['{"error":"bad","api_key":"AKIA1234567890","client_secret": "xyz"}', `{"error":"bad","api_key":${REDACTED},"client_secret": ${REDACTED}}`],
      ['echo whsec_0123456789abcdefABCDEF back', `echo ${REDACTED} back`],
      ['jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U ok', `jwt ${REDACTED} ok`],
      ['key -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY----- end', `key ${REDACTED} end`],
    ];
    for (const [text, want] of cases) expect(scrubText(text), text).toBe(want);
    const kept = 'timeout after 10000 ms; 503 Service Unavailable; authored by ops; 3 tokens left';
    expect(scrubText(kept)).toBe(kept);
    expect(storableText(`535 Authentication failed for wang@example.com password=x ${'y'.repeat(3000)}`, 100)).toHaveLength(100);
    expect(storableText(null)).toBeNull();
  });

  it("redacts by key: credentials and the registry's personal and sensitive fields, at any depth", () => {
    const r = createRedactor(['phones', 'idNumber']);
    const out = r.fields({ userId: 'u1', input: { phones: ['138'], name: 'Acme', nested: [{ IDNUMBER: '1101' }] }, password: 'x', count: 3 });
    expect(out).toEqual({ userId: 'u1', input: { phones: REDACTED, name: 'Acme', nested: [{ IDNUMBER: REDACTED }] }, password: REDACTED, count: 3 });
  });

  it('keeps an error to type, code, message and stack: no parameters, query values or detail', () => {
    const error = Object.assign(new Error('duplicate key value violates unique constraint "contacts_email"'), {
      code: '23505',
      detail: 'Key (email)=(lin@example.com) already exists.',
      params: ['lin@example.com', '13800138000'],
      query: 'insert into contacts (email) values ($1)',
      cause: Object.assign(new Error('for 13800138000'), { params: ['x'] }),
    });
    const safe = createRedactor([]).error(error);
    expect(Object.keys(safe).sort()).toEqual(['cause', 'code', 'message', 'stack', 'type']);
    expect(safe).toMatchObject({ type: 'Error', code: '23505', message: 'duplicate key value violates unique constraint "contacts_email"' });
    expect(JSON.stringify(safe)).not.toMatch(/lin@example|13800138000/);
    // What a job queue stores for a failure (own properties, message and stack, as pg-boss does) keeps nothing else either.
    const copy = safeErrorFor(error);
    const stored = JSON.stringify({ ...copy, name: copy.name, message: copy.message, stack: copy.stack });
    expect(stored).toContain('23505');
    expect(stored).not.toMatch(/lin@example|13800138000|params|detail/);
  });
});
