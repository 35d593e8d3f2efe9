// GET /api/v1/organisations/{id}/orders — the inbox of a unit's subtree, by due date, one
// keyset page at a time. The filters live in the address bar (shareable, kept on reload):
// each is one entry of INBOX_FILTERS, which says how it reads from the URL and how it goes to
// the API; the filter bar renders from the same list. A new server-side filter is one line.
import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
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

type Key = keyof InboxQuery & string;

/**
 * How one filter is shown and kept: several states, one choice, a switch (sent as `on`), a
 * number of days, a category (group or leaf), a date range (two parameters) or free text.
 */
export type FilterSpec =
  | { name: Key; type: 'choices'; values: readonly string[]; labels: 'state' | 'kind' }
  | { name: Key; type: 'choice'; values: readonly string[]; labels: 'state' | 'kind' }
  | { name: Key; type: 'flag'; on: true | 'me' }
  | { name: Key; type: 'days'; max: number }
  | { name: Key; type: 'category' }
  | { name: 'received'; type: 'range'; from: Key; to: Key }
  | { name: Key; type: 'text'; maxLength: number };

/** The inbox filters the API has, in the order the filter bar shows them. */
export const INBOX_FILTERS: readonly FilterSpec[] = [
  { name: 'state', type: 'choices', values: ORDER_STATES, labels: 'state' },
  { name: 'kind', type: 'choice', values: ORDER_KINDS, labels: 'kind' },
  { name: 'category', type: 'category' },
  { name: 'q', type: 'text', maxLength: 100 },
  { name: 'received', type: 'range', from: 'received_from', to: 'received_to' },
  { name: 'due_within', type: 'days', max: 366 },
  { name: 'overdue', type: 'flag', on: true },
  { name: 'assigned', type: 'flag', on: 'me' },
];

/**
 * Filters that mean nothing in an enterprise's inbox: it only ever holds complaints, and an
 * enterprise does not assign handlers.
 */
export const ENTERPRISE_HIDDEN_FILTERS: readonly string[] = ['kind', 'assigned'];

/** The same filters without `hidden` ones (which the address bar may still carry). */
export function withoutHidden(filters: UrlFilters, hidden: readonly string[]): UrlFilters {
  const values = Object.fromEntries(Object.entries(filters.values).filter(([key]) => !hidden.includes(key)));
  return { ...filters, values };
}

/** The address-bar parameters of a filter (a range has two). */
export function urlKeys(spec: FilterSpec): string[] {
  return spec.type === 'range' ? [spec.from, spec.to] : [spec.name];
}

/** The address bar's filters: `org` (the unit; the user's own when absent) and the API's. */
export type UrlFilters = { org?: number; values: Record<string, string> };

function positiveInt(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CATEGORY = /^[A-Z]\d{2}(\d{2})?$/;

/** A value as the address bar may hold it, or undefined when it is not one. */
function clean(spec: FilterSpec, raw: string): string | undefined {
  switch (spec.type) {
    case 'choices': {
      const kept = [...new Set(raw.split(','))].filter((v) => spec.values.includes(v));
      return kept.length > 0 ? kept.join(',') : undefined;
    }
    case 'choice':
      return spec.values.includes(raw) ? raw : undefined;
    case 'flag':
      return raw === 'true' ? raw : undefined;
    case 'days':
      return /^\d{1,3}$/.test(raw) && Number(raw) <= spec.max ? String(Number(raw)) : undefined;
    case 'category':
      return CATEGORY.test(raw) ? raw : undefined;
    case 'range':
      return DAY.test(raw) ? raw : undefined;
    case 'text':
      return raw.slice(0, spec.maxLength);
  }
}

export function readFilters(params: URLSearchParams): UrlFilters {
  const values: Record<string, string> = {};
  for (const spec of INBOX_FILTERS) {
    for (const key of urlKeys(spec)) {
      const raw = params.get(key)?.trim();
      if (!raw) continue;
      const value = clean(spec, raw);
      if (value !== undefined) values[key] = value;
    }
  }
  return { org: positiveInt(params.get('org')), values };
}

export function writeFilters(filters: UrlFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.org !== undefined) params.set('org', String(filters.org));
  for (const spec of INBOX_FILTERS) {
    for (const key of urlKeys(spec)) {
      const value = filters.values[key];
      if (value !== undefined && value !== '') params.set(key, value);
    }
  }
  return params;
}

/** The query the API gets: flags as `true` or `me`, days as numbers, the rest as written. */
export function apiFilters(filters: UrlFilters): InboxQuery {
  const query: Record<string, string | number | boolean> = {};
  for (const spec of INBOX_FILTERS) {
    for (const key of urlKeys(spec)) {
      const value = filters.values[key];
      if (value === undefined) continue;
      if (spec.type === 'flag') query[key] = spec.on;
      else if (spec.type === 'days') query[key] = Number(value);
      else query[key] = value;
    }
  }
  return query as InboxQuery;
}

/** The same filters without the states: what the counts are asked for. */
export function countFilters(query: InboxQuery): Omit<InboxQuery, 'state'> {
  const { state: _state, ...rest } = query;
  return rest;
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

export type OrderCounts = components['schemas']['OrderCounts'];

/** GET /organisations/{id}/orders/counts: open orders per state for the same filters. */
export function countsQueryOptions(orgId: number, query: Omit<InboxQuery, 'state'>) {
  return queryOptions({
    queryKey: [...ordersQueryKey, 'counts', orgId, query],
    queryFn: () =>
      unwrap(api.GET('/api/v1/organisations/{id}/orders/counts', { params: { path: { id: orgId }, query } })),
    staleTime: 0,
  });
}

export function useCounts(orgId: number, query: Omit<InboxQuery, 'state'>) {
  return useQuery(countsQueryOptions(orgId, query));
}

export type BulkRequest = components['schemas']['BulkRequest'];
export type BulkItemResult = components['schemas']['BulkItemResult'];

/** POST /orders/bulk-actions: one result per order; the inbox and counts reload after. */
export function useBulkAssign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkRequest) => unwrap(api.POST('/api/v1/orders/bulk-actions', { body })),
    onSettled: () => client.invalidateQueries({ queryKey: ordersQueryKey }),
  });
}
