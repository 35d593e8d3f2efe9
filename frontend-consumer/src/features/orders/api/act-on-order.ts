// POST /api/v1/orders/{id}/actions — the consumer's actions (withdraw, rate), sent with the
// version they saw in If-Match so that nothing happens to an order that changed meanwhile.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';
import { ApiError } from '@/lib/problem';
import { orderQueryKey } from './get-order';

export type ActionRequest = components['schemas']['ActionRequest'];

export type ActOnOrder = { id: number; version: number; body: ActionRequest };

export function actOnOrder({ id, version, body }: ActOnOrder) {
  return unwrap(
    api.POST('/api/v1/orders/{id}/actions', {
      params: { path: { id }, header: { 'If-Match': `"${version}"` } },
      body,
    }),
  );
}

/** 412 (changed since loaded) or 409 (changed at the same moment, or no longer possible). */
export function isStale(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 412 || error.status === 409);
}

export function useActOnOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: actOnOrder,
    // Success or a stale version: either way the order on screen is no longer current.
    onSettled: async (_data, error, { id }) => {
      if (error && !isStale(error)) return;
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: orderQueryKey(id) }),
        queryClient.invalidateQueries({ queryKey: ['me', 'orders', 'list'] }),
      ]);
    },
  });
}
