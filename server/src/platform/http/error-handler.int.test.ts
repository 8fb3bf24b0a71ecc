import Fastify from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#db/database.ts';
import { createTestDatabase, databaseAvailable } from '#test/db.ts';
import { handleError } from './error-handler.ts';

// Constraint violations a service did not check for (a race, or a missing check) come from the real database.
describe.skipIf(!databaseAvailable)('errors the database raises', () => {
  let db: Database;
  const app = Fastify({ logger: false });
  beforeAll(async () => {
    db = await createTestDatabase();
    await sql`create table probe_parent (id int primary key)`.execute(db.kysely);
    await sql`create table probe_child (id int primary key, parent int references probe_parent(id))`.execute(db.kysely);
    app.setErrorHandler(handleError);
    app.post('/unique', async () => {
      await sql`insert into probe_parent values (1), (1)`.execute(db.kysely);
    });
    app.post('/reference', async () => {
      await sql`insert into probe_child values (1, 404)`.execute(db.kysely);
    });
    app.post('/range', async () => {
      await sql`select 1 / 0`.execute(db.kysely);
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await db?.close();
  });

  it('answers a unique violation with a translated 409, not a 500', async () => {
    const res = await app.inject({ method: 'POST', url: '/unique', headers: { 'accept-language': 'zh-CN' } });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'unique_violation', detail: '已有其他记录使用了相同的值，请修改后重试' });
    const en = await app.inject({ method: 'POST', url: '/unique', headers: { 'accept-language': 'en' } });
    expect(en.json().detail).toBe('Another record already holds this value; change it and try again');
  });

  it('answers a foreign-key violation with a 409 and a data exception with a 400', async () => {
    const ref = await app.inject({ method: 'POST', url: '/reference', headers: { 'accept-language': 'en' } });
    expect(ref.statusCode).toBe(409);
    expect(ref.json().code).toBe('reference_violation');
    expect((await app.inject({ method: 'POST', url: '/range' })).statusCode).toBe(400);
  });
});
