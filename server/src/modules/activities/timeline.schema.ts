import { z } from 'zod';
import { ZActivity } from './activities.schema.ts';

export const ZTimelineQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(500).optional(),
  })
  .strict();
export type TTimelineQuery = z.infer<typeof ZTimelineQuery>;

export const ZTimelineActivity = z.object({ kind: z.literal('activity'), at: z.string(), activity: ZActivity });

export const ZTimelineChange = z.object({
  kind: z.literal('change'),
  at: z.string(),
  /** created, updated, deleted, restored, merged... */
  action: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  /** Names of the users an owner change points at, by id. */
  userNames: z.record(z.string(), z.string()).optional(),
  /** A change an import made (#21): which import and file; kept in the import's journal. */
  import: z.object({ id: z.string(), fileName: z.string() }).optional(),
});

export const ZTimelineItem = z.discriminatedUnion('kind', [ZTimelineActivity, ZTimelineChange]);
export type TTimelineItem = z.infer<typeof ZTimelineItem>;

export const ZTimelineResponse = z.object({ data: z.array(ZTimelineItem), nextCursor: z.string().nullable() });
export type TTimelineResponse = z.infer<typeof ZTimelineResponse>;
