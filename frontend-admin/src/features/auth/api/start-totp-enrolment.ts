// POST /api/v1/me/totp — a new TOTP secret, to show as a QR code and as text.
import { useMutation } from '@tanstack/react-query';
import type { paths } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type TotpEnrolment =
  paths['/api/v1/me/totp']['post']['responses'][200]['content']['application/json'];

export function startTotpEnrolment(): Promise<TotpEnrolment> {
  return unwrap(api.POST('/api/v1/me/totp'));
}

export function useStartTotpEnrolment() {
  return useMutation({ mutationFn: startTotpEnrolment });
}
