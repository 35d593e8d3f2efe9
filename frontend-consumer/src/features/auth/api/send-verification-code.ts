// POST /api/v1/verification-codes — texts a six-digit code to a phone. The answer is the same
// whether or not the phone has an account, so it says nothing about who is registered.
import { useMutation } from '@tanstack/react-query';
import type { paths } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

type Operation = paths['/api/v1/verification-codes']['post'];
export type VerificationPurpose = Operation['requestBody']['content']['application/json']['purpose'];
export type VerificationCodeSent = Operation['responses'][202]['content']['application/json'];

export function sendVerificationCode(phone: string, purpose: VerificationPurpose): Promise<VerificationCodeSent> {
  return unwrap(api.POST('/api/v1/verification-codes', { body: { phone, purpose } }));
}

export function useSendVerificationCode() {
  return useMutation({
    mutationFn: ({ phone, purpose }: { phone: string; purpose: VerificationPurpose }) =>
      sendVerificationCode(phone, purpose),
  });
}
