// DELETE /api/v1/me/sessions — signs out of every device, this one included.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrapEmpty } from '@/lib/api-client';
import { clearSession, forgetUserData } from '@/lib/auth';

export function signOutEverywhere(): Promise<void> {
  return unwrapEmpty(api.DELETE('/api/v1/me/sessions'));
}

export function useSignOutEverywhere() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOutEverywhere,
    onSuccess: () => {
      forgetUserData(queryClient);
      clearSession(queryClient, { to: '/login', notice: 'signedOutEverywhere' });
    },
  });
}
