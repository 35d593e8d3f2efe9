// Invitations of one unit: GET/POST /api/v1/organisations/{id}/invitations,
// POST /api/v1/invitations/{id}/resend and /revoke; the public inspect and accept calls.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type Invitation = components['schemas']['Invitation'];
export type InvitationCreate = components['schemas']['InvitationCreate'];
export type InvitationPreview = components['schemas']['InvitationPreview'];

/** Under `me`: forgotten when the user signs out. */
export const invitationsQueryKey = ['me', 'invitations'] as const;

export function invitationsQueryOptions(orgId: number) {
  return queryOptions({
    queryKey: [...invitationsQueryKey, orgId],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/organisations/{id}/invitations', { params: { path: { id: orgId } } }))).items,
    staleTime: 0,
  });
}

export function useInvitations(orgId: number) {
  return useQuery(invitationsQueryOptions(orgId));
}

export function useCreateInvitation(orgId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InvitationCreate) =>
      unwrap(api.POST('/api/v1/organisations/{id}/invitations', { params: { path: { id: orgId } }, body })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: invitationsQueryKey }),
        queryClient.invalidateQueries({ queryKey: ['me', 'members'] }),
      ]),
  });
}

export function useInvitationAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: number; action: 'resend' | 'revoke' }) =>
      action === 'resend'
        ? unwrap(api.POST('/api/v1/invitations/{id}/resend', { params: { path: { id } } }))
        : unwrap(api.POST('/api/v1/invitations/{id}/revoke', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: invitationsQueryKey }),
  });
}

/** The token is sent only in request bodies, never in a URL. */
export function inspectInvitation(token: string): Promise<InvitationPreview> {
  return unwrap(api.POST('/api/v1/invitations/inspect', { body: { token } }));
}

export function acceptInvitation(body: { token: string; password: string }): Promise<InvitationPreview> {
  return unwrap(api.POST('/api/v1/invitations/accept', { body }));
}
