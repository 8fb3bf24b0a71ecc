import type { CustomFieldDef } from '../custom-fields/custom-fields.types.ts';
import type { ObjectDeclaration } from './object-registry.ts';

type Json = Record<string, unknown>;

const GENERIC = '/api/v1/{object}';

/** A custom field's value as JSON Schema. */
function fieldSchema(def: CustomFieldDef): Json {
  const values = def.options.map((o) => o.value);
  const description = [def.label.en, def.label.zh].filter(Boolean).join(' / ');
  const schema = ((): Json => {
    switch (def.type) {
      case 'text':
      case 'longtext':
      case 'phone':
        return { type: 'string' };
      case 'url':
        return { type: 'string', format: 'uri' };
      case 'email':
        return { type: 'string', format: 'email' };
      case 'number':
        return { type: 'number' };
      case 'decimal':
        return { type: 'string', pattern: '^-?\\d{1,18}(\\.\\d{1,6})?$' };
      case 'date':
        return { type: 'string', format: 'date' };
      case 'datetime':
        return { type: 'string', format: 'date-time' };
      case 'boolean':
        return { type: 'boolean' };
      case 'select':
        return { type: 'string', enum: values };
      case 'multiselect':
        return { type: 'array', items: { type: 'string', enum: values } };
      case 'user':
        return { type: 'string', format: 'uuid' };
      case 'lookup':
        return { type: 'string', format: 'uuid', description: `${description} (id of a ${def.target})` };
    }
  })();
  return { description, ...schema };
}

/** Replaces every `custom` property schema under `node` with the object's typed fields. */
function typeCustom(node: unknown, custom: Json): unknown {
  if (Array.isArray(node)) return node.map((n) => typeCustom(n, custom));
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    if (key === 'properties' && value && typeof value === 'object' && 'custom' in (value as Json)) {
      const properties = typeCustom(value, custom) as Json;
      out[key] = { ...properties, custom };
    } else out[key] = typeCustom(value, custom);
  }
  return out;
}

/**
 * The OpenAPI document as one tenant sees it: the generic `/api/v1/{object}` paths of custom
 * objects written out once per custom object (`/api/v1/distributors`), with its fields typed in
 * `custom`. Other paths are the app's document as it is.
 */
export function tenantOpenApi(base: Json, objects: { declaration: ObjectDeclaration; defs: CustomFieldDef[] }[]): Json {
  const paths = { ...(base.paths as Record<string, Json>) };
  const generic = Object.entries(paths).filter(([path]) => path.startsWith(GENERIC));
  for (const { declaration, defs } of objects) {
    const custom: Json = { type: 'object', additionalProperties: false, properties: Object.fromEntries(defs.map((d) => [d.key, fieldSchema(d)])) };
    const tag = `${declaration.label.en} / ${declaration.label.zh}`;
    for (const [path, item] of generic) {
      const concrete: Json = {};
      for (const [method, op] of Object.entries(item)) {
        const operation = typeCustom(op, custom) as Json;
        const parameters = (operation.parameters as { name: string; in: string }[] | undefined)?.filter((p) => !(p.in === 'path' && p.name === 'object'));
        concrete[method] = { ...operation, tags: [tag], ...(parameters ? { parameters } : {}) };
      }
      paths[path.replace('{object}', declaration.path ?? declaration.name)] = concrete;
    }
  }
  return { ...base, paths };
}
