// API clients of the user's organisation: GET/POST /api/v1/organisations/{id}/api-clients,
// POST /api/v1/api-clients/{id}/rotate and /revoke. A secret comes only in the answer to
// creating or rotating, and is never cached.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type ApiClient = components['schemas']['ApiClient'];
export type ApiClientWithSecret = components['schemas']['ApiClientWithSecret'];
export type NewApiClient = components['schemas']['NewApiClient'];

export const SCOPES = ['orders:read', 'orders:write'] as const;

/** The translation key of a scope (i18next reads `:` as a namespace separator). */
export const SCOPE_KEYS = { 'orders:read': 'read', 'orders:write': 'write' } as const;

/** Under `me`: forgotten when the user signs out. */
export const apiClientsQueryKey = ['me', 'api-clients'] as const;

export function apiClientsQueryOptions(orgId: number) {
  return queryOptions({
    queryKey: [...apiClientsQueryKey, orgId],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/organisations/{id}/api-clients', { params: { path: { id: orgId } } }))).items,
    staleTime: 0,
  });
}

export function useApiClients(orgId: number) {
  return useQuery({ ...apiClientsQueryOptions(orgId), enabled: orgId > 0 });
}

export function useRegisterApiClient(orgId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewApiClient) =>
      unwrap(api.POST('/api/v1/organisations/{id}/api-clients', { params: { path: { id: orgId } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiClientsQueryKey }),
  });
}

export function useRotateApiClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => unwrap(api.POST('/api/v1/api-clients/{id}/rotate', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiClientsQueryKey }),
  });
}

export function useRevokeApiClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => unwrap(api.POST('/api/v1/api-clients/{id}/revoke', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiClientsQueryKey }),
  });
}
