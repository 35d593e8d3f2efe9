// The review queue of the user's unit: GET /api/v1/organisations/{id}/applications (cursor
// paging, newest first), GET /api/v1/applications/{id}, POST …/approve and …/reject.
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type ApplicationSummary = components['schemas']['ApplicationSummary'];
export type ApplicationDetail = components['schemas']['ApplicationDetail'];
export type StatusFilter = 'submitted' | 'approved' | 'rejected' | 'all';

/** Under `me`: forgotten when the user signs out. */
export const applicationsQueryKey = ['me', 'applications'] as const;
const PAGE = 50;

export function applicationsQueryOptions(orgId: number, status: StatusFilter) {
  return infiniteQueryOptions({
    queryKey: [...applicationsQueryKey, 'list', orgId, status],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/organisations/{id}/applications', {
          params: {
            path: { id: orgId },
            query: {
              ...(status === 'all' ? {} : { status }),
              limit: PAGE,
              ...(pageParam === null ? {} : { after: pageParam }),
            },
          },
        }),
      ),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.next ?? null,
    staleTime: 0,
  });
}

export function useApplications(orgId: number, status: StatusFilter) {
  return useInfiniteQuery(applicationsQueryOptions(orgId, status));
}

export function applicationQueryOptions(id: number) {
  return queryOptions({
    queryKey: [...applicationsQueryKey, 'detail', id],
    queryFn: () => unwrap(api.GET('/api/v1/applications/{id}', { params: { path: { id } } })),
    staleTime: 0,
  });
}

export function useApplication(id: number | null) {
  return useQuery({ ...applicationQueryOptions(id ?? 0), enabled: id !== null });
}

/** Either way the queue and the detail are reloaded (a 409 means someone else decided). */
export function useDecide() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, reason }: { id: number; decision: 'approve' | 'reject'; reason?: string }) =>
      decision === 'approve'
        ? unwrap(api.POST('/api/v1/applications/{id}/approve', { params: { path: { id } } }))
        : unwrap(api.POST('/api/v1/applications/{id}/reject', { params: { path: { id } }, body: { reason: reason ?? '' } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: applicationsQueryKey }),
  });
}
