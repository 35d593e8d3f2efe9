// POST /api/v1/me/session/second-factor — a code from the authenticator app, or a recovery
// code, completes the sign-in; the server replaces the session cookie (and its CSRF token).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';
import { rememberPendingSecondFactor, setMe, type Me } from '@/lib/auth';

export type SecondFactor =
  paths['/api/v1/me/session/second-factor']['post']['requestBody']['content']['application/json'];

export function verifySecondFactor(body: SecondFactor): Promise<Me> {
  return unwrap(api.POST('/api/v1/me/session/second-factor', { body }));
}

export function useVerifySecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifySecondFactor,
    onSuccess: (me) => {
      rememberPendingSecondFactor(null);
      setMe(queryClient, me);
    },
  });
}
