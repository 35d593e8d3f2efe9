// PATCH /api/v1/me — changes the display name; the answer is the updated user.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { setMe, type Me } from '@/lib/auth';

export function updateProfile(displayName: string): Promise<Me> {
  return unwrap(api.PATCH('/api/v1/me', { body: { display_name: displayName } }));
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProfile,
    onSuccess: (me) => setMe(queryClient, me),
  });
}
