// POST /api/v1/users/{id}/disable, POST /api/v1/users/{id}/enable, PUT /api/v1/users/{id}/roles.
// Each ends the member's sessions on the server; the list is reloaded afterwards either way
// (a refusal may mean the list is out of date).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrapEmpty } from '@/lib/api-client';
import { membersQueryKey, type Role } from './get-members';

export function disableMember(id: number): Promise<void> {
  return unwrapEmpty(api.POST('/api/v1/users/{id}/disable', { params: { path: { id } } }));
}

export function enableMember(id: number): Promise<void> {
  return unwrapEmpty(api.POST('/api/v1/users/{id}/enable', { params: { path: { id } } }));
}

export function updateRoles({ id, roles }: { id: number; roles: Role[] }): Promise<void> {
  return unwrapEmpty(api.PUT('/api/v1/users/{id}/roles', { params: { path: { id } }, body: { roles } }));
}

export function useSetMemberStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, enable }: { id: number; enable: boolean }) => (enable ? enableMember(id) : disableMember(id)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: membersQueryKey }),
  });
}

export function useUpdateRoles() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateRoles,
    onSettled: () => queryClient.invalidateQueries({ queryKey: membersQueryKey }),
  });
}
