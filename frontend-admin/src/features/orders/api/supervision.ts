// GET /api/v1/organisations/{id}/supervision: the subtree's open orders past their due date,
// the longest overdue first, one keyset page at a time (`next`).
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type SupervisedOrder = components['schemas']['SupervisedOrder'];

export const PAGE_SIZE = 50;

export function supervisionQueryOptions(orgId: number) {
  return infiniteQueryOptions({
    queryKey: ['me', 'orders', 'supervision', orgId],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/organisations/{id}/supervision', {
          params: { path: { id: orgId }, query: { limit: PAGE_SIZE, ...(pageParam ? { after: pageParam } : {}) } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    staleTime: 0,
  });
}

export function useSupervision(orgId: number) {
  return useInfiniteQuery(supervisionQueryOptions(orgId));
}
