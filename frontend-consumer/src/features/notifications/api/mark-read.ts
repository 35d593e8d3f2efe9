// POST /api/v1/notifications/read — one notification (`ids`) or all of them (`all`).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrapEmpty } from '@/lib/api-client';
import { notificationsQueryKey } from './get-unread-count';

export type MarkRead = { ids: number[] } | { all: true };

export function markRead(what: MarkRead): Promise<void> {
  return unwrapEmpty(api.POST('/api/v1/notifications/read', { body: what }));
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markRead,
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsQueryKey }),
  });
}
