// The category taxonomy: GET /api/v1/categories?include_retired=true (the editor's view, retired
// codes included), POST /api/v1/categories, PATCH /api/v1/categories/{code}. National
// administrators only (`manage_taxonomy`); the server decides and audits every change.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type CategoryTree = components['schemas']['CategoryTree'];
export type Category = components['schemas']['CategoryDto'];
export type CategoryGroup = components['schemas']['CategoryGroup'];
export type NewCategory = components['schemas']['NewCategoryRequest'];
export type CategoryUpdate = components['schemas']['CategoryUpdate'];

/** Under `me`: forgotten when the user signs out. */
export const taxonomyQueryKey = ['me', 'taxonomy'] as const;

export function taxonomyQueryOptions() {
  return queryOptions({
    queryKey: taxonomyQueryKey,
    queryFn: async () => unwrap(api.GET('/api/v1/categories', { params: { query: { include_retired: true } } })),
    staleTime: 0,
  });
}

export function useTaxonomy() {
  return useQuery(taxonomyQueryOptions());
}

export function useCreateCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCategory) => unwrap(api.POST('/api/v1/categories', { body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: taxonomyQueryKey }),
  });
}

export function useUpdateCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, change }: { code: string; change: CategoryUpdate }) =>
      unwrap(api.PATCH('/api/v1/categories/{code}', { params: { path: { code } }, body: change })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: taxonomyQueryKey }),
  });
}
