// GET /api/v1/orders/{id} (one order as the caller may see it, with the actions the domain
// lets them take now) and POST /api/v1/orders/{id}/actions (with the loaded version in
// If-Match; 412 when the order changed since, 409 when someone acted at the same moment).
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';
import { ordersQueryKey } from './inbox';

export type OrderDto = components['schemas']['OrderDto'];
export type OrderEvent = components['schemas']['OrderEvent'];
export type ActionRequest = components['schemas']['ActionRequest'];

export function orderQueryOptions(id: number) {
  return queryOptions({
    queryKey: [...ordersQueryKey, 'detail', id],
    queryFn: () => unwrap(api.GET('/api/v1/orders/{id}', { params: { path: { id } } })),
    staleTime: 0,
  });
}

export function useOrder(id: number) {
  return useQuery(orderQueryOptions(id));
}

/**
 * Actions after which the order belongs to another unit (移送; 退回移送单位): the unit that
 * acted no longer sees it (a GET would answer 404), so the page leaves for the inbox instead
 * of loading the order again.
 */
export const HANDS_OVER: readonly string[] = ['transfer', 'return_to_sender'];

/**
 * Sends one action; whatever the answer, the order and the inbox are loaded again (the order
 * itself only when the unit still holds it; see HANDS_OVER).
 */
export function useAct(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: ActionRequest }) =>
      unwrap(
        api.POST('/api/v1/orders/{id}/actions', {
          params: { path: { id }, header: { 'If-Match': `"${version}"` } },
          body,
        }),
      ),
    onSettled: async (_result, error, { body }) => {
      if (error || !HANDS_OVER.includes(body.action)) {
        await queryClient.invalidateQueries({ queryKey: ordersQueryKey });
        return;
      }
      const detail = orderQueryOptions(id).queryKey;
      await Promise.all([
        // Stale, but not fetched while this page is still open; a later visit loads it.
        queryClient.invalidateQueries({ queryKey: detail, refetchType: 'none' }),
        queryClient.invalidateQueries({
          queryKey: ordersQueryKey,
          predicate: (query) => !detail.every((part, i) => query.queryKey[i] === part),
        }),
      ]);
    },
  });
}
