// GET/PUT /api/v1/me/notification-preferences — the channels besides the app (email, SMS).
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type NotificationPreferences = components['schemas']['NotificationPreferences'];

export const preferencesQueryKey = ['me', 'notification-preferences'] as const;

export function getPreferences(): Promise<NotificationPreferences> {
  return unwrap(api.GET('/api/v1/me/notification-preferences'));
}

export function putPreferences(body: NotificationPreferences): Promise<NotificationPreferences> {
  return unwrap(api.PUT('/api/v1/me/notification-preferences', { body }));
}

export function usePreferences() {
  return useQuery(queryOptions({ queryKey: preferencesQueryKey, queryFn: getPreferences }));
}

export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: putPreferences,
    onSuccess: (stored) => queryClient.setQueryData(preferencesQueryKey, stored),
  });
}
