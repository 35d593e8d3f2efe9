// POST /api/v1/me/totp/confirm — the first code from the app proves it is set up. The answer
// has the recovery codes (shown once) and the session, now past its second factor.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';
import { rememberPendingSecondFactor, setMe } from '@/lib/auth';

export type TotpConfirmation =
  paths['/api/v1/me/totp/confirm']['post']['responses'][200]['content']['application/json'];

export function confirmTotp(code: string): Promise<TotpConfirmation> {
  return unwrap(api.POST('/api/v1/me/totp/confirm', { body: { code } }));
}

export function useConfirmTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmTotp,
    onSuccess: (result) => {
      rememberPendingSecondFactor(null);
      setMe(queryClient, result.me);
    },
  });
}
