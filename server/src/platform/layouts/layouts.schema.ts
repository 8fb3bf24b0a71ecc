import { z } from 'zod';

/** A registry object's name (`contact`, a custom object's `distributors`). */
export const ZLayoutParams = z.object({ object: z.string().regex(/^[a-z][a-zA-Z0-9-]{1,39}$/) }).strict();

/** A field as the web names it: an API field (`phones`) or a custom field (`custom.level`); the service checks it exists. */
const ZFieldKey = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,59}$|^custom\.[a-z][a-z0-9_]{0,39}$/, 'a field name or custom.<key>');

const ZLabel = z.object({ zh: z.string().trim().min(1).max(100), en: z.string().trim().min(1).max(100) }).strict();

export const ZLayoutSection = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, _ and - (1-40)'),
    label: ZLabel,
    fields: z.array(ZFieldKey).max(300),
    collapsed: z.boolean().optional(),
  })
  .strict();
export type TLayoutSection = z.infer<typeof ZLayoutSection>;

/** An object's layout; `null` columns or sections (and version 0: never saved) mean the web's defaults. */
export const ZLayout = z.object({
  object: z.string(),
  listColumns: z.array(z.string()).nullable(),
  sections: z.array(ZLayoutSection).nullable(),
  version: z.number().int(),
});
export type TLayout = z.infer<typeof ZLayout>;

export const ZPutLayoutRequest = z
  .object({
    listColumns: z.array(ZFieldKey).min(1).max(100).nullable(),
    sections: z.array(ZLayoutSection).max(50).nullable(),
  })
  .strict();
export type TPutLayoutRequest = z.infer<typeof ZPutLayoutRequest>;
