// GET /api/v1/orders/{id} — one of the consumer's appeals: content, public timeline, the
// actions they may take now and the version to send with one.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type Order = components['schemas']['OrderDto'];
export type OrderEvent = components['schemas']['OrderEvent'];
export type Appeal = components['schemas']['AppealDto'];

export function orderQueryKey(id: number) {
  return ['me', 'orders', 'detail', id] as const;
}

export function orderQueryOptions(id: number) {
  return queryOptions({
    queryKey: orderQueryKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/orders/{id}', { params: { path: { id } } })),
    staleTime: 0,
  });
}

export function useOrder(id: number) {
  return useQuery({ ...orderQueryOptions(id), enabled: Number.isSafeInteger(id) && id > 0 });
}
