// DELETE /api/v1/me/sessions/{handle} — signs another device out.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrapEmpty } from '@/lib/api-client';
import { sessionsQueryKey } from './get-sessions';

export function revokeSession(handle: string): Promise<void> {
  return unwrapEmpty(api.DELETE('/api/v1/me/sessions/{handle}', { params: { path: { handle } } }));
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeSession,
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}
