// GET /api/v1/divisions/{code} — one division and its ancestors (province first).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type DivisionDetail = components['schemas']['DivisionDetail'];

export function getDivision(code: string): Promise<DivisionDetail> {
  return unwrap(api.GET('/api/v1/divisions/{code}', { params: { path: { code } } }));
}

export function divisionQueryOptions(code: string) {
  return queryOptions({
    queryKey: ['divisions', 'detail', code],
    queryFn: () => getDivision(code),
    staleTime: Infinity,
  });
}

export function useDivision(code: string | undefined) {
  return useQuery({
    ...divisionQueryOptions(code ?? ''),
    enabled: code !== undefined && code !== '',
  });
}
