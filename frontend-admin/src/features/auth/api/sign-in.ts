// POST /api/v1/sessions — staff sign in with a username and password. The answer says whether
// a second factor is still owed (a code, or enrolling an authenticator app first).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';
import { rememberPendingSecondFactor, setMe } from '@/lib/auth';

type Operation = paths['/api/v1/sessions']['post'];
export type SignInResult = Operation['responses'][201]['content']['application/json'];
export type SecondFactorState = SignInResult['second_factor'];

export function signIn(username: string, password: string): Promise<SignInResult> {
  return unwrap(api.POST('/api/v1/sessions', { body: { audience: 'staff', login: username, password } }));
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ username, password }: { username: string; password: string }) => signIn(username, password),
    onSuccess: (result) => {
      rememberPendingSecondFactor(result.second_factor === 'not_required' ? null : result.second_factor);
      setMe(queryClient, result.me);
    },
  });
}
