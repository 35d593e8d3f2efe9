// POST /api/v1/orders — files an appeal. The Idempotency-Key is the draft's: a double click
// or a retry after a lost answer gets the first result instead of a second order.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type OrderRequest = components['schemas']['OrderRequest'];
export type OrderReceipt = components['schemas']['OrderReceipt'];
export type CreatedOrder = components['schemas']['CreatedOrder'];
export type AppealKind = components['schemas']['AppealKindDto'];
export type Channel = components['schemas']['ChannelDto'];

export function submitOrder(body: OrderRequest, idempotencyKey: string): Promise<OrderReceipt> {
  return unwrap(
    api.POST('/api/v1/orders', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } }),
  );
}

export function useSubmitOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: OrderRequest; key: string }) => submitOrder(body, key),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me', 'orders'] }),
  });
}
