// POST /api/v1/consumers — registers with a verified phone; the answer signs the consumer in.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';
import { setMe, type Me } from '@/lib/auth';

export type Registration =
  paths['/api/v1/consumers']['post']['requestBody']['content']['application/json'];

export function register(body: Registration): Promise<Me> {
  return unwrap(api.POST('/api/v1/consumers', { body }));
}

export function useRegister() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: register,
    onSuccess: (me) => setMe(queryClient, me),
  });
}
