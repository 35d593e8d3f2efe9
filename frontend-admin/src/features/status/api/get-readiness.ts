// GET /api/health/ready. A 503 is an answer here, not a failure: its problem document lists
// the unreachable dependencies, which is exactly what the status page has to show.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';
import { ApiError, toProblem, type Problem } from '@/lib/problem';

export type DependencyCheck = components['schemas']['DependencyCheck'];
export const DEPENDENCIES = ['postgres', 'redis'] as const;
export type Dependency = (typeof DEPENDENCIES)[number];

export type DependencyState = { state: 'up' | 'down' | 'unknown'; latencyMs: number | null };

export type ReadinessReport = {
  ready: boolean;
  dependencies: Record<Dependency, DependencyState>;
  /** The 503 problem document, when not ready. */
  problem: Problem | null;
};

export async function getReadiness(): Promise<ReadinessReport> {
  const { data, error, response } = await api.GET('/api/health/ready');
  if (response.status === 503) {
    const problem = toProblem(error);
    const unavailable = problem?.unavailable;
    const stateOf = (name: Dependency): DependencyState => ({
      // Without a list we cannot tell which one failed.
      state: unavailable ? (unavailable.includes(name) ? 'down' : 'up') : 'unknown',
      latencyMs: null,
    });
    return {
      ready: false,
      dependencies: { postgres: stateOf('postgres'), redis: stateOf('redis') },
      problem,
    };
  }
  if (!response.ok || !data) throw new ApiError(response.status, toProblem(error));
  const stateOf = (check: DependencyCheck): DependencyState => ({
    state: check.ok ? 'up' : 'down',
    latencyMs: check.latency_ms,
  });
  return {
    ready: true,
    dependencies: { postgres: stateOf(data.checks.postgres), redis: stateOf(data.checks.redis) },
    problem: null,
  };
}

export function readinessQueryOptions() {
  return queryOptions({
    queryKey: ['health', 'ready'],
    queryFn: getReadiness,
    staleTime: 0,
    retry: false,
  });
}

export function useReadiness() {
  return useQuery(readinessQueryOptions());
}
