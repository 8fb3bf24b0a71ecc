import { z } from 'zod';
import { ACTIONS } from '../access/access.ts';
import { CAPABILITIES } from './object-registry.ts';

const ZLabel = z.object({ zh: z.string().trim().min(1).max(100), en: z.string().trim().min(1).max(100) }).strict();
const ZDescription = z.object({ zh: z.string().max(1000).optional(), en: z.string().max(1000).optional() }).strict();

/** A custom object's name is its API path: plural kebab case (`distributors`). */
export const CUSTOM_OBJECT_NAME = /^[a-z][a-z0-9-]{1,39}$/;

export const ZCustomObject = z.object({
  id: z.uuid(),
  name: z.string(),
  label: z.object({ zh: z.string(), en: z.string() }),
  description: ZDescription,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type TCustomObject = z.infer<typeof ZCustomObject>;

export const ZCreateCustomObjectRequest = z
  .object({
    name: z.string().regex(CUSTOM_OBJECT_NAME, 'lowercase letters, digits and -, starting with a letter (2-40)'),
    label: ZLabel,
    description: ZDescription.default({}),
  })
  .strict();
export type TCreateCustomObjectRequest = z.infer<typeof ZCreateCustomObjectRequest>;

export const ZUpdateCustomObjectRequest = z.object({ label: ZLabel, description: ZDescription }).partial().strict();
export type TUpdateCustomObjectRequest = z.infer<typeof ZUpdateCustomObjectRequest>;

/** One object in the registry, as the web renders from it. */
/** A declared field of an object (platform/objects/object-fields.ts `FieldMeta`); custom fields come from /custom-fields. */
export const ZFieldMeta = z.object({
  name: z.string(),
  type: z.enum(['text', 'enum', 'uuid', 'date', 'datetime', 'integer', 'decimal', 'boolean', 'tags', 'json', 'custom', 'computed']),
  required: z.boolean(),
  readOnly: z.boolean(),
  filterable: z.boolean(),
  sortable: z.boolean(),
  classification: z.enum(['none', 'personal', 'sensitive']),
  masked: z.boolean(),
  values: z.array(z.string()).optional(),
  maxLength: z.number().optional(),
  refTable: z.string().optional(),
});

export const ZObjectMeta = z.object({
  name: z.string(),
  path: z.string().nullable(),
  label: z.object({ zh: z.string(), en: z.string() }),
  custom: z.boolean(),
  id: z.string().nullable(),
  record: z.boolean(),
  actions: z.array(z.enum(ACTIONS)),
  sensitiveFields: z.array(z.string()),
  capabilities: z.array(z.enum(CAPABILITIES)),
  /** The object's declared fields: type, classification (personal / sensitive), filter and sort. */
  fields: z.array(ZFieldMeta),
});
export type TObjectMeta = z.infer<typeof ZObjectMeta>;

const ZNamed = z.object({ id: z.string(), name: z.string() });

export const ZCustomRecord = z.object({
  id: z.uuid(),
  name: z.string(),
  ownerId: z.string().nullable(),
  owner: ZNamed.nullable(),
  custom: z.record(z.string(), z.unknown()),
  lookups: z.record(z.string(), ZNamed.nullable()),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
  version: z.number().int(),
});
export type TCustomRecord = z.infer<typeof ZCustomRecord>;

export const ZCreateCustomRecordRequest = z
  .object({
    name: z.string().trim().min(1).max(200),
    ownerId: z.uuid().optional(),
    custom: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export const ZUpdateCustomRecordRequest = ZCreateCustomRecordRequest.partial().strict();

export const ZObjectParams = z.object({ object: z.string().regex(CUSTOM_OBJECT_NAME) }).strict();
