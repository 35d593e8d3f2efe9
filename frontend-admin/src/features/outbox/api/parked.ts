// GET /api/v1/outbox/parked and POST /api/v1/outbox/{id}/requeue — outgoing SMS and email the
// relay gave up on, for national administrators (`manage_outbox`).
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap, unwrapEmpty } from '@/lib/api-client';

export type ParkedMessage = components['schemas']['ParkedMessage'];

/** Under `me`: forgotten when the user signs out. */
export const parkedQueryKey = ['me', 'outbox', 'parked'] as const;

export const parkedQueryOptions = () =>
  queryOptions({
    queryKey: parkedQueryKey,
    queryFn: () => unwrap(api.GET('/api/v1/outbox/parked', { params: { query: { limit: 200 } } })),
  });

export function useParked() {
  return useQuery(parkedQueryOptions());
}

export function requeue(id: number): Promise<void> {
  return unwrapEmpty(api.POST('/api/v1/outbox/{id}/requeue', { params: { path: { id } } }));
}

export function useRequeue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: requeue,
    onSettled: () => queryClient.invalidateQueries({ queryKey: parkedQueryKey }),
  });
}
