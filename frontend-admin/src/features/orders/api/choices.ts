// The units and people an action may name, as the server lists them to this caller: the
// holder's stations and associations (GET /organisations/{id}/children), its members
// (GET /organisations/{id}/members), the unit itself and its visible ancestors
// (GET /organisations/{id}). Whether a choice is allowed is the server's to decide.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type Organisation = components['schemas']['Organisation'];
export type OrganisationDetail = components['schemas']['OrganisationDetail'];
export type Member = components['schemas']['Member'];

// The same keys as the organisation tree and the unit picker, so they share what is loaded.
export const unitQueryOptions = (id: number) =>
  queryOptions({
    queryKey: ['me', 'organisations', id],
    queryFn: () => unwrap(api.GET('/api/v1/organisations/{id}', { params: { path: { id } } })),
  });

export const childrenQueryOptions = (id: number) =>
  queryOptions({
    queryKey: ['me', 'organisations', id, 'children'],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/organisations/{id}/children', { params: { path: { id } } }))).items,
  });

export const membersQueryOptions = (id: number) =>
  queryOptions({
    queryKey: ['me', 'members', id],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/organisations/{id}/members', { params: { path: { id } } }))).items,
    staleTime: 0,
  });

export function useUnit(id: number | undefined) {
  return useQuery({ ...unitQueryOptions(id ?? 0), enabled: id !== undefined });
}

export function useChildren(id: number | undefined) {
  return useQuery({ ...childrenQueryOptions(id ?? 0), enabled: id !== undefined });
}

export function useMembers(id: number | undefined) {
  return useQuery({ ...membersQueryOptions(id ?? 0), enabled: id !== undefined });
}
