// POST /api/v1/password-resets — a new password for a verified phone. Every session of the
// account ends; this browser asks who it is again in case it was one of them.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@/api/schema';
import { api, unwrapEmpty } from '@/lib/api-client';
import { meQueryKey } from '@/lib/auth';

export type PasswordReset =
  paths['/api/v1/password-resets']['post']['requestBody']['content']['application/json'];

export function resetPassword(body: PasswordReset): Promise<void> {
  return unwrapEmpty(api.POST('/api/v1/password-resets', { body }));
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetPassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
