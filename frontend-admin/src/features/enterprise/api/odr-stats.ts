// GET /api/v1/organisations/{id}/odr-stats?from=&to= — an enterprise's self-settlement record
// over a period (its own members, and staff of the bureaus above it): received, open, how
// the ended ones ended, the settlement rate and the average time to a first answer.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type OdrStats = components['schemas']['OdrStats'];

export type StatsPeriod = { from: string; to: string };

export function odrStatsQueryOptions(orgId: number, period: StatsPeriod) {
  return queryOptions({
    queryKey: ['me', 'odr-stats', orgId, period],
    queryFn: () =>
      unwrap(api.GET('/api/v1/organisations/{id}/odr-stats', { params: { path: { id: orgId }, query: period } })),
  });
}

export function useOdrStats(orgId: number | undefined, period: StatsPeriod) {
  return useQuery({ ...odrStatsQueryOptions(orgId ?? 0, period), enabled: orgId !== undefined });
}
