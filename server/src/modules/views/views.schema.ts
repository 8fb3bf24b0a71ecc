import { z } from 'zod';

export const VIEW_OBJECTS = ['company', 'contact', 'activity', 'lead', 'deal'] as const;

export const ZSavedView = z.object({
  id: z.string(),
  object: z.enum(VIEW_OBJECTS),
  name: z.string(),
  filter: z.unknown().nullable(),
  sort: z.string().nullable(),
  columns: z.array(z.string()),
  shared: z.boolean(),
  userId: z.string(),
  mine: z.boolean(),
  version: z.number(),
});
export type TSavedView = z.infer<typeof ZSavedView>;

const viewFields = {
  name: z.string().trim().min(1).max(100),
  filter: z.record(z.string(), z.unknown()).nullable(),
  sort: z.string().max(200).nullable(),
  columns: z.array(z.string().max(100)).max(100),
  shared: z.boolean(),
};

export const ZCreateSavedViewRequest = z
  .object({
    ...viewFields,
    object: z.enum(VIEW_OBJECTS),
    filter: viewFields.filter.default(null),
    sort: viewFields.sort.default(null),
    columns: viewFields.columns.default([]),
    shared: viewFields.shared.default(false),
  })
  .strict();
export type TCreateSavedViewRequest = z.infer<typeof ZCreateSavedViewRequest>;

// Built without defaults: a default in a partial schema would overwrite fields the PATCH left out.
export const ZUpdateSavedViewRequest = z.object(viewFields).partial().strict();
export type TUpdateSavedViewRequest = z.infer<typeof ZUpdateSavedViewRequest>;
