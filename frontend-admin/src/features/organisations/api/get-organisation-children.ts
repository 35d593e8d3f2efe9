// GET /api/v1/organisations/{id}/children — the units directly below one, bureaus first.
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { Organisation } from './get-organisation';

export async function getOrganisationChildren(id: number): Promise<Organisation[]> {
  return (await unwrap(api.GET('/api/v1/organisations/{id}/children', { params: { path: { id } } }))).items;
}

export function organisationChildrenQueryOptions(id: number) {
  return queryOptions({
    queryKey: ['me', 'organisations', id, 'children'],
    queryFn: () => getOrganisationChildren(id),
  });
}
