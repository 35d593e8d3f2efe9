// POST /api/v1/organisations/{id}/associations — a consumer association 消协 of a city or county
// bureau's area, under that bureau.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type AssociationCreate = components['schemas']['AssociationCreate'];

export function useCreateAssociation(bureauId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AssociationCreate) =>
      unwrap(api.POST('/api/v1/organisations/{id}/associations', { params: { path: { id: bureauId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me', 'organisations'] }),
  });
}
