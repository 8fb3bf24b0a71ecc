import { z } from 'zod';
import { CUSTOM_FIELD_TYPES } from './custom-fields.types.ts';

/** A registry object's name; the service checks that the object exists and takes custom fields. */
const ZObjectName = z.string().regex(/^[a-z][a-zA-Z0-9-]{1,39}$/);

const ZLocalized = z.object({ zh: z.string().max(100).optional(), en: z.string().max(100).optional() }).strict();
const ZOption = z.object({ value: z.string().min(1).max(100), label: ZLocalized }).strict();

export const ZCustomField = z.object({
  id: z.string(),
  object: ZObjectName,
  key: z.string(),
  label: ZLocalized,
  type: z.enum(CUSTOM_FIELD_TYPES),
  required: z.boolean(),
  unique: z.boolean(),
  sensitive: z.boolean(),
  defaultValue: z.unknown(),
  options: z.array(ZOption),
  target: z.string().nullable(),
  position: z.number(),
  version: z.number(),
});

const definitionFields = {
  label: ZLocalized,
  required: z.boolean(),
  unique: z.boolean(),
  sensitive: z.boolean(),
  defaultValue: z.unknown(),
  options: z.array(ZOption).max(500),
  position: z.number().int().min(0).max(10000),
};

export const ZCreateCustomFieldRequest = z
  .object({
    ...definitionFields,
    object: ZObjectName,
    key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lowercase letters, digits and _, starting with a letter'),
    type: z.enum(CUSTOM_FIELD_TYPES),
    /** A lookup's target object (registry name); only for lookups. */
    target: ZObjectName.optional(),
    required: definitionFields.required.default(false),
    unique: definitionFields.unique.default(false),
    sensitive: definitionFields.sensitive.default(false),
    defaultValue: definitionFields.defaultValue.optional(),
    options: definitionFields.options.default([]),
    position: definitionFields.position.optional(),
  })
  .strict();
export type TCreateCustomFieldRequest = z.infer<typeof ZCreateCustomFieldRequest>;

// No defaults here: a PATCH must leave out what it does not change. Object, key and type are fixed.
export const ZUpdateCustomFieldRequest = z.object(definitionFields).partial().strict();
export type TUpdateCustomFieldRequest = z.infer<typeof ZUpdateCustomFieldRequest>;

export const ZCustomFieldListQuery = z.object({ object: ZObjectName.optional() }).strict();
