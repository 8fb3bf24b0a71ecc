import { z } from 'zod';

/** The query string every list endpoint accepts (DESIGN.md, API conventions). */
export const ZListQuery = z
  .object({
    filter: z.string().max(8000).optional().describe('JSON in the filter grammar, e.g. {"city":{"eq":"北京"}}'),
    sort: z.string().max(200).optional().describe('Comma-separated fields, `-` for descending: -createdAt,name'),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().max(2000).optional(),
    q: z.string().max(200).optional().describe('Search text over names, company, email and phone'),
    fields: z.string().max(1000).optional().describe('Comma-separated fields to return'),
    deleted: z.enum(['true', 'false']).optional().describe('true lists the recycle bin'),
  })
  .strict();
export type TListQuery = z.infer<typeof ZListQuery>;

export const ZIdParams = z.object({ id: z.uuid() }).strict();

export const listResponse = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });

/** Keeps only the requested top-level fields (always the id and version). */
export function pickFields<T extends Record<string, unknown>>(records: T[], fields: string | undefined): Partial<T>[] {
  if (!fields) return records;
  const wanted = new Set(['id', 'version', ...fields.split(',').map((f) => f.trim())]);
  return records.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => wanted.has(k))) as Partial<T>);
}
