// GET /api/v1/organisations/{id} — one unit of the caller's subtree with its visible ancestry.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type Organisation = components['schemas']['Organisation'];
export type OrganisationDetail = components['schemas']['OrganisationDetail'];

export function getOrganisation(id: number): Promise<OrganisationDetail> {
  return unwrap(api.GET('/api/v1/organisations/{id}', { params: { path: { id } } }));
}

export function organisationQueryOptions(id: number) {
  // Under `me`: what a user may see is theirs, and is forgotten when they sign out.
  return queryOptions({ queryKey: ['me', 'organisations', id], queryFn: () => getOrganisation(id) });
}

export function useOrganisation(id: number) {
  return useQuery(organisationQueryOptions(id));
}
