// GET /api/v1/organisations/{id}/odr-stats?from=&to= — an enterprise's self-settlement record
// over a period (its own members, and staff of the bureaus above it): received, open, how
// the ended ones ended, the settlement rate and the average time to a first answer.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';

export type OdrStats = {
  received: number;
  open: number;
  settled: number;
  rejected: number;
  expired: number;
  recalled: number;
  /** Settled ÷ ended, 0 to 1. */
  settlement_rate: number;
  avg_first_answer_hours?: number | null;
};

export type StatsPeriod = { from: string; to: string };

// The endpoint is newer than the committed schema until the ODR backend lands: call it
// through the same client (errors become ApiError in one place) without its path type.
type Untyped = {
  GET: (
    path: string,
    init: { params: { path: { id: number }; query: StatsPeriod } },
  ) => Promise<{ data?: OdrStats; error?: unknown; response: Response }>;
};

export function odrStatsQueryOptions(orgId: number, period: StatsPeriod) {
  return queryOptions({
    queryKey: ['me', 'odr-stats', orgId, period],
    queryFn: () =>
      unwrap((api as unknown as Untyped).GET('/api/v1/organisations/{id}/odr-stats', { params: { path: { id: orgId }, query: period } })),
  });
}

export function useOdrStats(orgId: number | undefined, period: StatsPeriod) {
  return useQuery({ ...odrStatsQueryOptions(orgId ?? 0, period), enabled: orgId !== undefined });
}
