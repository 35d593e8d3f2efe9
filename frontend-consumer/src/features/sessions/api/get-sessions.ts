// GET /api/v1/me/sessions — the account's live sessions, newest first.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type SessionInfo = components['schemas']['SessionInfo'];

export const sessionsQueryKey = ['me', 'sessions'] as const;

export async function getSessions(): Promise<SessionInfo[]> {
  return (await unwrap(api.GET('/api/v1/me/sessions'))).items;
}

export function sessionsQueryOptions() {
  return queryOptions({ queryKey: sessionsQueryKey, queryFn: getSessions, staleTime: 0 });
}

export function useSessions() {
  return useQuery(sessionsQueryOptions());
}
