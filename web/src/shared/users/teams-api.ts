import { api } from '#shared/api/client';
import type { ListResponse } from '#shared/api/types';

export type TeamRef = { id: string; name: string };

/** The cache key Settings > Teams refreshes after an edit; pickers elsewhere read the same list. */
export const TEAMS_KEY = ['teams'] as const;
export const listTeams = async () => (await api<ListResponse<TeamRef>>('/teams', { query: { limit: 500 } })).data;
