import type { z } from 'zod';
import { ZActivity, activityDefinition } from '#modules/activities/index.ts';
import { ZCompany, ZContact, companyDefinition, contactDefinition } from '#modules/customers/index.ts';
import type { ObjectDefinition } from '#platform/records/object-definition.ts';
import type { Versioned } from '#platform/records/record-service.ts';

export const EXPORT_OBJECTS = ['contact', 'company', 'activity'] as const;
export type ExportObject = (typeof EXPORT_OBJECTS)[number];

type Exportable = { def: ObjectDefinition<Versioned>; fields: string[]; defaultColumns: string[] };

const fieldsOf = (schema: z.ZodObject, def: ObjectDefinition<Versioned>) => [...new Set([...Object.keys(schema.shape), ...Object.keys(def.catalog)])];
const entry = (def: unknown, schema: z.ZodObject, defaultColumns: string[]): Exportable => {
  const d = def as ObjectDefinition<Versioned>;
  return { def: d, fields: fieldsOf(schema, d), defaultColumns };
};

/** Objects whose list views export through the record list path (same scope, filter and masking as the list API). */
export const EXPORTABLE: Record<ExportObject, Exportable> = {
  contact: entry(contactDefinition, ZContact, ['name', 'companyId', 'title', 'phones', 'emails', 'address', 'ownerId', 'lifecycleStage', 'tags', 'createdAt']),
  company: entry(companyDefinition, ZCompany, ['name', 'industry', 'phones', 'emails', 'website', 'address', 'ownerId', 'tier', 'tags', 'createdAt']),
  activity: entry(activityDefinition, ZActivity, ['type', 'subject', 'companyId', 'contactId', 'dealId', 'ownerId', 'occurredAt', 'dueAt', 'doneAt']),
};
