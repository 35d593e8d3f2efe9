// PUT /api/v1/me/password — every session of the account ends, this one included.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@/api/schema';
import { api, unwrapEmpty } from '@/lib/api-client';
import { clearSession } from '@/lib/auth';

export type PasswordChange =
  paths['/api/v1/me/password']['put']['requestBody']['content']['application/json'];

export function changePassword(body: PasswordChange): Promise<void> {
  return unwrapEmpty(api.PUT('/api/v1/me/password', { body }));
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => clearSession(queryClient, { to: '/login', notice: 'passwordChanged' }),
  });
}
