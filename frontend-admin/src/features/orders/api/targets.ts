// GET /api/v1/orders/{id}/targets: what an action on the order may name (bureaus, stations,
// associations, the bureau above, handlers), exactly as the server's rules would accept them,
// searched by name or division code.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';
import { ordersQueryKey } from './inbox';

export type ActionTarget = components['schemas']['ActionTarget'];

export type TargetAction = 'transfer' | 'assign_station' | 'refer_up' | 'delegate' | 'assign_handler';

export function useActionTargets(orderId: number, action: TargetAction, q: string) {
  return useQuery({
    queryKey: [...ordersQueryKey, 'detail', orderId, 'targets', action, q],
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/orders/{id}/targets', {
            params: { path: { id: orderId }, query: { action, q: q || undefined, limit: 50 } },
          }),
        )
      ).items,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** `value`, once it has stopped changing for `ms` (typing in a remote search). */
export function useDebounced<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
