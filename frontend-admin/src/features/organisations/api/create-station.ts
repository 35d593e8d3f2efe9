// POST /api/v1/organisations/{id}/stations — a market-regulation station under a county bureau.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type StationCreate = components['schemas']['StationCreate'];

export function useCreateStation(countyId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StationCreate) =>
      unwrap(api.POST('/api/v1/organisations/{id}/stations', { params: { path: { id: countyId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me', 'organisations'] }),
  });
}
