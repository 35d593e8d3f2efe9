// GET /api/v1/divisions?parent=CODE — the children of a division (provinces without a parent).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type Division = components['schemas']['Division'];

export async function getDivisions(parent?: string): Promise<Division[]> {
  const body = await unwrap(
    api.GET('/api/v1/divisions', { params: { query: parent ? { parent } : {} } }),
  );
  return body.items;
}

export function divisionsQueryOptions(parent?: string) {
  return queryOptions({
    queryKey: ['divisions', 'children', parent ?? null],
    queryFn: () => getDivisions(parent),
    // Administrative divisions change about once a year.
    staleTime: Infinity,
  });
}

export function useDivisions(parent?: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...divisionsQueryOptions(parent), enabled: options.enabled ?? true });
}
