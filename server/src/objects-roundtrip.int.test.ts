import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';
import { databaseAvailable } from '../test/db.ts';
import { inTenant } from '#db/tx.ts';
import { STANDARD_OBJECTS } from './modules.ts';

type Schema = { properties?: Record<string, Schema>; required?: string[]; enum?: string[]; anyOf?: Schema[]; type?: string | string[] };

const records = STANDARD_OBJECTS.filter((d) => d.definition?.fields);

/**
 * Every standard record object, from its one field declaration to what clients and the database
 * see: the response schema in OpenAPI, the table's columns, the registry metadata, the request
 * schema, and the fields exports may name.
 */
describe.skipIf(!databaseAvailable)('object declarations round-trip', () => {
  let t: TestApp;
  let doc: {
    paths: Record<
      string,
      Record<
        string,
        { requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, { content?: Record<string, { schema: Schema }> }> }
      >
    >;
  };
  let columns: Map<string, Set<string>>;

  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.request(t.admin, { method: 'GET', url: '/api/openapi.json' })).json();
    const rows = await inTenant(t.db.kysely, t.admin.tenantId, (tx) =>
      sql<{
        table_name: string;
        column_name: string;
      }>`select table_name, column_name from information_schema.columns where table_schema = current_schema()`.execute(tx),
    );
    columns = new Map();
    for (const r of rows.rows) columns.set(r.table_name, (columns.get(r.table_name) ?? new Set()).add(r.column_name));
  });
  afterAll(() => t?.close());

  it('covers the standard record objects', () => {
    expect(records.map((d) => d.name).sort()).toEqual([
      'activity',
      'company',
      'contact',
      'contract',
      'deal',
      'instalment',
      'invoice',
      'lead',
      'order',
      'payment',
      'price_book',
      'product',
      'quote',
      'ticket',
      'ticket_macro',
      'ticket_queue',
      'ticket_sla_policy',
    ]);
  });

  for (const declaration of records) {
    const def = declaration.definition as NonNullable<typeof declaration.definition>;
    const fields = def.fields ?? [];

    it(`${declaration.name}: GET /${declaration.path}/{id} answers exactly the declared fields, with their choices`, () => {
      const schema = doc.paths[`/api/v1/${declaration.path}/{id}`]?.get?.responses['200']?.content?.['application/json']?.schema;
      expect(schema?.properties).toBeDefined();
      expect(Object.keys(schema?.properties ?? {}).sort()).toEqual(fields.map((f) => f.name).sort());
      for (const f of fields) {
        const property = schema?.properties?.[f.name] as Schema;
        if (f.required) expect(schema?.required, f.name).toContain(f.name);
        if (f.values) {
          const choices = property.enum ?? property.anyOf?.find((s) => s.enum)?.enum;
          expect(choices, f.name).toEqual(f.values);
        }
      }
    });

    it(`${declaration.name}: each filterable field has its column in ${def.table}`, () => {
      const table = columns.get(def.table);
      expect(table, def.table).toBeDefined();
      for (const f of fields.filter((x) => x.filterable)) {
        expect(def.catalog[f.name], f.name).toBeDefined();
        const compiled = sql`${def.catalog[f.name]?.expr}`.compile(t.db.kysely).sql;
        const column = /^"([a-z_0-9]+)"$/.exec(compiled)?.[1];
        expect(table?.has(column as string), `${f.name} -> ${column}`).toBe(true);
      }
    });

    it(`${declaration.name}: the request body of PATCH takes the writable fields only`, () => {
      const body = doc.paths[`/api/v1/${declaration.path}/{id}`]?.patch?.requestBody?.content['application/json']?.schema;
      const writable = fields.filter((f) => !f.readOnly).map((f) => f.name);
      const accepted = Object.keys(body?.properties ?? {});
      for (const name of accepted) expect(writable, `${name} is writable`).toContain(name);
      for (const f of fields.filter((x) => x.readOnly)) expect(accepted, `${f.name} is server-set`).not.toContain(f.name);
    });

    it(`${declaration.name}: the registry lists the declared fields with their classification, and list columns are among them`, async () => {
      const meta = (await t.request(t.admin, { method: 'GET', url: '/api/v1/objects' })).json().data as {
        name: string;
        fields: { name: string; classification: string }[];
      }[];
      const served = meta.find((m) => m.name === declaration.name);
      expect(served?.fields.map((f) => f.name)).toEqual(fields.map((f) => f.name));
      for (const f of fields.filter((x) => x.masked)) expect(served?.fields.find((m) => m.name === f.name)?.classification).not.toBe('none');
      for (const column of declaration.listColumns ?? []) expect(declaration.fields, column).toContain(column);
      expect(declaration.fields).toEqual(fields.map((f) => f.name));
    });
  }
});
