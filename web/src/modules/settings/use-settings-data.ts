import { useQuery } from '@tanstack/react-query';
import { settingsApi } from './settings-api';

export const TEAMS_KEY = ['teams'] as const;
export const ROLES_KEY = ['roles'] as const;

export const useTeams = () => useQuery({ queryKey: TEAMS_KEY, queryFn: settingsApi.teams.list });
export const useRoles = () => useQuery({ queryKey: ROLES_KEY, queryFn: settingsApi.roles.list });
