// GET /api/v1/organisations/{id}/orders — the inbox of a unit's subtree, by due date, one
// keyset page at a time. The filters live in the address bar (shareable, kept on reload):
// each is one entry of INBOX_FILTERS, which says how it reads from the URL and how it goes to
// the API; the filter bar renders from the same list. A new server-side filter is one line.
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { components, operations } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type OrderSummary = components['schemas']['OrderSummary'];
export type OrderPage = components['schemas']['OrderPage'];
/** What the API accepts as filters (paging aside). */
export type InboxQuery = Omit<NonNullable<operations['orders_inbox']['parameters']['query']>, 'after' | 'limit'>;

export const ORDER_STATES = [
  'received',
  'with_enterprise',
  'accepted',
  'mediating',
  'checking',
  'concluded',
  'archived',
] as const;
export type OrderState = (typeof ORDER_STATES)[number];
export const ORDER_KINDS = ['complaint', 'report', 'suggestion', 'consultation'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

/** How one filter is shown and kept: a choice among values, a switch, or free text. */
export type FilterSpec =
  | { name: keyof InboxQuery & string; type: 'choice'; values: readonly string[]; labels: 'state' | 'kind' }
  | { name: keyof InboxQuery & string; type: 'flag' }
  | { name: keyof InboxQuery & string; type: 'text'; maxLength: number };

/** The inbox filters the API has, in the order the filter bar shows them. */
export const INBOX_FILTERS: readonly FilterSpec[] = [
  { name: 'state', type: 'choice', values: ORDER_STATES, labels: 'state' },
  { name: 'q', type: 'text', maxLength: 32 },
  { name: 'overdue', type: 'flag' },
];

/** The address bar's filters: `org` (the unit; the user's own when absent) and the API's. */
export type UrlFilters = { org?: number; values: Record<string, string> };

function positiveInt(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

export function readFilters(params: URLSearchParams): UrlFilters {
  const values: Record<string, string> = {};
  for (const spec of INBOX_FILTERS) {
    const raw = params.get(spec.name)?.trim();
    if (!raw) continue;
    if (spec.type === 'choice' && !spec.values.includes(raw)) continue;
    if (spec.type === 'flag' && raw !== 'true') continue;
    values[spec.name] = spec.type === 'text' ? raw.slice(0, spec.maxLength) : raw;
  }
  return { org: positiveInt(params.get('org')), values };
}

export function writeFilters(filters: UrlFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.org !== undefined) params.set('org', String(filters.org));
  for (const spec of INBOX_FILTERS) {
    const value = filters.values[spec.name];
    if (value !== undefined && value !== '') params.set(spec.name, value);
  }
  return params;
}

/** The query the API gets: flags as booleans, the rest as written. */
export function apiFilters(filters: UrlFilters): InboxQuery {
  const query: Record<string, string | boolean> = {};
  for (const spec of INBOX_FILTERS) {
    const value = filters.values[spec.name];
    if (value === undefined) continue;
    query[spec.name] = spec.type === 'flag' ? value === 'true' : value;
  }
  return query as InboxQuery;
}

export const PAGE_SIZE = 50;
/** Under `me`: forgotten when the user signs out. */
export const ordersQueryKey = ['me', 'orders'] as const;

export function inboxQueryOptions(orgId: number, query: InboxQuery) {
  return infiniteQueryOptions({
    queryKey: [...ordersQueryKey, 'inbox', orgId, query],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/organisations/{id}/orders', {
          params: {
            path: { id: orgId },
            query: { ...query, limit: PAGE_SIZE, ...(pageParam ? { after: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    staleTime: 0,
  });
}

export function useInbox(orgId: number, query: InboxQuery) {
  return useInfiniteQuery(inboxQueryOptions(orgId, query));
}
