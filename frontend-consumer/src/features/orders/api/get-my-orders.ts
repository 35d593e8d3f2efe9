// GET /api/v1/me/orders — the consumer's own appeals, newest first, a keyset page at a time.
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type OrderSummary = components['schemas']['OrderSummary'];
export type OrderPage = components['schemas']['OrderPage'];

export const PAGE_SIZE = 20;

export function myOrdersQueryOptions() {
  return infiniteQueryOptions({
    queryKey: ['me', 'orders', 'list'],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/me/orders', {
          params: { query: pageParam ? { after: pageParam, limit: PAGE_SIZE } : { limit: PAGE_SIZE } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: OrderPage) => last.next ?? undefined,
    staleTime: 30_000,
  });
}

export function useMyOrders() {
  return useInfiniteQuery(myOrdersQueryOptions());
}
