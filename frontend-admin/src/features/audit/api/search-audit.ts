// GET /api/v1/organisations/{id}/audit — a unit's subtree's audit records, newest first, one
// keyset page at a time (`next` of one page is `after` of the following).
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type AuditEntry = components['schemas']['AuditEntry'];
export type AuditPage = components['schemas']['AuditPage'];

/** The filters the API supports; times are RFC 3339 instants. */
export type AuditFilters = {
  action?: string;
  outcome?: string;
  login?: string;
  ip?: string;
  user_id?: number;
  from?: string;
  until?: string;
};

export const PAGE_SIZE = 50;

export function searchAudit(orgId: number, filters: AuditFilters, after?: string): Promise<AuditPage> {
  return unwrap(
    api.GET('/api/v1/organisations/{id}/audit', {
      params: { path: { id: orgId }, query: { ...filters, after, limit: PAGE_SIZE } },
    }),
  );
}

export function auditQueryOptions(orgId: number, filters: AuditFilters) {
  return infiniteQueryOptions({
    // Under `me`: forgotten when the user signs out.
    queryKey: ['me', 'audit', orgId, filters],
    queryFn: ({ pageParam }) => searchAudit(orgId, filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    staleTime: 0,
  });
}

export function useAuditSearch(orgId: number, filters: AuditFilters) {
  return useInfiniteQuery(auditQueryOptions(orgId, filters));
}
