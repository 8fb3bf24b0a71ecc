import { z } from 'zod';
import { ZListQuery } from '#platform/http/list-query.ts';

export const ZTeam = z.object({
  id: z.uuid(),
  name: z.string(),
  parentId: z.uuid().nullable(),
  /** Who manages the team: the "owner's manager" of approvals walks up the tree to the nearest one. */
  managerId: z.uuid().nullable(),
  memberCount: z.number().int(),
  childCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type TTeam = z.infer<typeof ZTeam>;

export const ZCreateTeamRequest = z
  .object({
    name: z.string().trim().min(1).max(100),
    parentId: z.uuid().nullable().optional(),
    managerId: z.uuid().nullable().optional(),
  })
  .strict();
export type TCreateTeamRequest = z.infer<typeof ZCreateTeamRequest>;

export const ZUpdateTeamRequest = ZCreateTeamRequest.partial().strict();
export type TUpdateTeamRequest = z.infer<typeof ZUpdateTeamRequest>;

export const ZTeamListQuery = ZListQuery.omit({ deleted: true });
export type TTeamListQuery = z.infer<typeof ZTeamListQuery>;
