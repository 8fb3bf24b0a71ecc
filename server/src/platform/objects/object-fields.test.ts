import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { mergeRoles } from '../access/access.ts';
import { fieldCipher, masterKeyFrom, newSealedDataKey } from '../crypto/field-crypto.ts';
import type { FieldError } from '../errors/app-error.ts';
import { computed, date, datetime, decimal, enumOf, id, integer, json, masked, recordFields, ref, refName, tags, text } from './fields.ts';
import { defineFields } from './object-fields.ts';

const master = masterKeyFrom('test');
const cipher = fieldCipher(master, newSealedDataKey(master));
const write = { phoneRegion: 'CN' as const };
const maskAll = (v: string) => v.replace(/./g, '*');

const THING = defineFields({
  id: id(),
  name: text({ max: 20, required: true }),
  note: text({ max: 100, filter: false }),
  stage: enumOf(['open', 'won', 'lost'], { required: true, settable: ['open', 'won'] }),
  companyId: ref({ to: 'companies', named: true }),
  company: refName('company_id'),
  amount: decimal({ required: true }),
  seats: integer({ min: 0, max: 10 }),
  dueOn: date(),
  closedAt: datetime(),
  emails: json({
    input: z.array(z.object({ address: z.email() })),
    output: z.array(z.object({ address: z.string() })),
    classification: 'personal',
    write: (value, ctx) => {
      const list = value as { address: string }[];
      if (list.length > 2) ctx.errors.push({ field: 'emails', message: 'too_many' });
      return list.map((e) => ({ address: e.address.toLowerCase() }));
    },
  }),
  idNumber: masked(text({ max: 30 }), maskAll, { encrypted: true }),
  tags: tags(),
  shout: computed(z.string(), (row) => String(row.name).toUpperCase()),
  ...recordFields(),
});

const access = { userId: 'u1', teamUserIds: ['u1'], ...mergeRoles([{ isAdmin: true, permissions: {}, fields: {} }]) };
const related = new Map([['c1', { id: 'c1', name: '星辰科技' }]]);

describe('defineFields', () => {
  it('derives the filter catalog from stored, filterable fields only', () => {
    expect(Object.keys(THING.catalog)).toEqual(
      expect.arrayContaining(['id', 'name', 'stage', 'companyId', 'amount', 'seats', 'dueOn', 'closedAt', 'tags', 'ownerId', 'createdAt', 'updatedAt']),
    );
    for (const absent of ['note', 'emails', 'idNumber', 'shout', 'company', 'custom', 'version', 'owner']) expect(THING.catalog).not.toHaveProperty(absent);
    expect(THING.catalog.stage).toMatchObject({ type: 'enum', nullable: false, values: ['open', 'won', 'lost'] });
    expect(THING.catalog.seats).toMatchObject({ type: 'number', nullable: true });
    expect(THING.catalog.tags?.sortable).toBe(false);
  });

  it('derives references, related names, masking and classification', () => {
    expect(THING.references).toEqual({ company_id: 'companies', owner_id: 'users' });
    expect(THING.related).toEqual({ company_id: 'companies' });
    expect(THING.sensitive).toEqual([{ field: 'idNumber', encrypted: true, mask: maskAll }]);
    expect(THING.classification).toEqual({ emails: 'personal', idNumber: 'sensitive' });
    expect(THING.columns).toMatchObject({ companyId: 'company_id', dueOn: 'due_on', idNumber: 'id_number' });
  });

  it('maps input to columns: read-only and platform fields are skipped, json normalized and serialized', () => {
    const errors: FieldError[] = [];
    const columns = THING.toColumns(
      {
        name: 'A',
        tags: ['x', 'x', 'y'],
        emails: [{ address: 'A@B.CN' }, { address: 'c@d.cn' }, { address: 'e@f.cn' }],
        idNumber: '110101199003070000',
        note: null,
        closedAt: '2026-01-01T00:00:00Z',
        ownerId: 'u2',
        custom: { a: 1 },
      },
      { errors, cipher, write },
    );
    expect(columns).toMatchObject({ name: 'A', tags: ['x', 'y'], note: null, emails: '[{"address":"a@b.cn"},{"address":"c@d.cn"},{"address":"e@f.cn"}]' });
    expect(columns).not.toHaveProperty('closed_at');
    expect(columns).not.toHaveProperty('owner_id');
    expect(columns).not.toHaveProperty('custom');
    expect(columns.id_number).not.toBe('110101199003070000');
    expect(cipher.decrypt(columns.id_number as string)).toBe('110101199003070000');
    expect(errors).toEqual([{ field: 'emails', message: 'too_many' }]);
  });

  it('maps a row to an API object the response schema accepts', () => {
    const row = {
      id: 'r1',
      name: 'Deal',
      note: null,
      stage: 'won',
      company_id: 'c1',
      amount: '12.50',
      seats: 3,
      due_on: new Date('2026-03-01T00:00:00Z'),
      closed_at: new Date('2026-03-02T08:00:00Z'),
      emails: [{ address: 'a@b.cn' }],
      id_number: cipher.encrypt('110101199003070000'),
      tags: ['x'],
      owner_id: 'u1',
      custom: {},
      created_at: new Date('2026-01-01T00:00:00Z'),
      created_by: null,
      updated_at: new Date('2026-01-02T00:00:00Z'),
      updated_by: null,
      version: 2,
      deleted_at: null,
    };
    const api = THING.toApi(row, { cipher, access, related });
    expect(api).toMatchObject({
      company: { id: 'c1', name: '星辰科技' },
      dueOn: '2026-03-01',
      closedAt: '2026-03-02T08:00:00.000Z',
      idNumber: '110101199003070000',
      shout: 'DEAL',
      deletedAt: null,
    });
    expect(api).not.toHaveProperty('owner');
    expect(z.object(THING.output).safeParse({ ...api, owner: { id: 'u1', name: 'Rep' } }).success).toBe(true);
  });

  it('builds request schemas without server-set fields, narrowing choices to the settable ones', () => {
    const patch = z.object(THING.input).partial().strict();
    expect(Object.keys(THING.input)).not.toEqual(expect.arrayContaining(['id']));
    for (const serverSet of ['id', 'closedAt', 'company', 'shout', 'version', 'createdAt', 'owner']) expect(THING.input).not.toHaveProperty(serverSet);
    expect(patch.safeParse({ stage: 'won' }).success).toBe(true);
    expect(patch.safeParse({ stage: 'lost' }).success).toBe(false);
    expect(patch.safeParse({ name: '' }).success).toBe(false);
    expect(patch.safeParse({ name: 'x'.repeat(21) }).success).toBe(false);
    expect(patch.safeParse({ seats: 11 }).success).toBe(false);
    expect(patch.safeParse({ dueOn: '2026-02-30x' }).success).toBe(false);
    expect(patch.safeParse({ version: 3 }).success).toBe(false);
  });
});
