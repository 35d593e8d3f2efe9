// GET /api/v1/organisations/{id}/members — the members of one unit of the caller's subtree.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type Member = components['schemas']['Member'];
export type Role = components['schemas']['RoleDto'];

export const ROLES: readonly Role[] = ['handler', 'reviewer', 'org_admin', 'analyst'];

/** Under `me`: forgotten when the user signs out. */
export const membersQueryKey = ['me', 'members'] as const;

export async function getMembers(orgId: number): Promise<Member[]> {
  return (await unwrap(api.GET('/api/v1/organisations/{id}/members', { params: { path: { id: orgId } } }))).items;
}

export function membersQueryOptions(orgId: number) {
  return queryOptions({ queryKey: [...membersQueryKey, orgId], queryFn: () => getMembers(orgId), staleTime: 0 });
}

export function useMembers(orgId: number) {
  return useQuery(membersQueryOptions(orgId));
}
