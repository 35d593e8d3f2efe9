// GET /api/v1/notifications — the newest notifications, rendered by the server in the page's
// language (sent as Accept-Language).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';
import { notificationsQueryKey } from './get-unread-count';

export type Notification = components['schemas']['NotificationDto'];
export type NotificationPage = components['schemas']['NotificationPage'];

export const NOTIFICATION_PAGE_SIZE = 20;

export function getNotifications(language: string): Promise<NotificationPage> {
  return unwrap(
    api.GET('/api/v1/notifications', {
      params: { query: { limit: NOTIFICATION_PAGE_SIZE } },
      headers: { 'Accept-Language': language },
    }),
  );
}

export function notificationsQueryOptions(language: string) {
  return queryOptions({
    queryKey: [...notificationsQueryKey, 'list', language],
    queryFn: () => getNotifications(language),
    staleTime: 0,
  });
}

export function useNotifications(language: string, enabled: boolean) {
  return useQuery({ ...notificationsQueryOptions(language), enabled });
}
