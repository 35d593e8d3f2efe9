// GET /api/v1/notifications/unread-count — what the bell shows; polled every 10 s and on
// window focus (a live channel may replace the polling later).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';

// Under `me`: forgotten when the user signs out.
export const notificationsQueryKey = ['me', 'notifications'] as const;
export const unreadCountQueryKey = [...notificationsQueryKey, 'unread'] as const;
export const UNREAD_POLL_MS = 10_000;

export async function getUnreadCount(): Promise<number> {
  return (await unwrap(api.GET('/api/v1/notifications/unread-count'))).unread;
}

export function unreadCountQueryOptions() {
  return queryOptions({
    queryKey: unreadCountQueryKey,
    queryFn: getUnreadCount,
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });
}

export function useUnreadCount(enabled = true) {
  return useQuery({ ...unreadCountQueryOptions(), enabled });
}
