// POST /api/v1/sessions — signs a consumer in with their mobile number and password.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';
import { setMe } from '@/lib/auth';

type Operation = paths['/api/v1/sessions']['post'];
export type SignInResult = Operation['responses'][201]['content']['application/json'];

export function signIn(phone: string, password: string): Promise<SignInResult> {
  return unwrap(
    api.POST('/api/v1/sessions', { body: { audience: 'consumer', login: phone, password } }),
  );
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ phone, password }: { phone: string; password: string }) => signIn(phone, password),
    onSuccess: (result) => setMe(queryClient, result.me),
  });
}
