// Who is signed in. The session itself is an HttpOnly cookie the app never sees; what the app
// knows is `GET /api/v1/me`, kept in the query cache under `meQueryKey`: the user, or null
// when signed out (the server's 401 is an answer here, not an error). Everything that signs
// in, signs out or changes the user writes that cache entry, and the API client reads the
// CSRF token from it.
import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, setCsrfSource, unwrapEmpty } from './api-client';
import { ApiError, toProblem } from './problem';
import { clearUserStorage } from './user-storage';

export type Me = components['schemas']['Me'];

export const meQueryKey = ['me'] as const;

/** The signed-in user, or null when signed out. */
export async function getMe(): Promise<Me | null> {
  const { data, error, response } = await api.GET('/api/v1/me');
  if (response.status === 401) return null;
  if (error !== undefined || !data) throw new ApiError(response.status, toProblem(error));
  return data;
}

export function meQueryOptions() {
  return queryOptions({ queryKey: meQueryKey, queryFn: getMe, staleTime: 5 * 60_000 });
}

export function useMe() {
  return useQuery(meQueryOptions());
}

/** Records who is signed in now (after sign-in, registration or a profile change). */
export function setMe(queryClient: QueryClient, me: Me | null): void {
  if (me) endings.delete(queryClient);
  queryClient.setQueryData(meQueryKey, me);
}

/**
 * Where the app goes when the person ended the session on purpose (signed out, signed out
 * everywhere, changed their password), and what the sign-in page should tell them. Guarded
 * pages follow it instead of sending the person to sign in with the page as `next`, which
 * they would otherwise do the moment the user is forgotten.
 */
export type SessionEnding = { to: string; notice?: string };
const endings = new WeakMap<QueryClient, SessionEnding>();

export function sessionEnding(queryClient: QueryClient): SessionEnding | undefined {
  return endings.get(queryClient);
}

/**
 * Forgets the user and everything loaded in their name (after any kind of sign-out). Data
 * that belongs to the user is cached under keys starting with `me` (`['me', 'sessions']`).
 */
export function clearSession(queryClient: QueryClient, ending?: SessionEnding): void {
  if (ending) endings.set(queryClient, ending);
  else endings.delete(queryClient);
  queryClient.removeQueries({
    predicate: (query) => query.queryKey[0] === meQueryKey[0] && query.queryKey.length > 1,
  });
  setMe(queryClient, null);
}

/** Lets the API client send (and, when refused, refresh) the CSRF token of this cache. */
export function connectSession(queryClient: QueryClient): void {
  setCsrfSource({
    current: () => queryClient.getQueryData<Me | null>(meQueryKey)?.csrf_token,
    refresh: async () =>
      (await queryClient.fetchQuery({ ...meQueryOptions(), staleTime: 0 }))?.csrf_token,
  });
}

/**
 * Forgets what this browser keeps for the signed-in user (drafts): for a sign-out on purpose
 * only, never when a session merely expires.
 */
export function forgetUserData(queryClient: QueryClient): void {
  const me = queryClient.getQueryData<Me | null>(meQueryKey);
  if (me) clearUserStorage(me.user_id);
}

/** DELETE /api/v1/me/session: signs out of this browser, then the app goes to `to`. */
export function useSignOut(to: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrapEmpty(api.DELETE('/api/v1/me/session')),
    // Signed out either way: a 401 means the session had already ended.
    onSettled: () => {
      forgetUserData(queryClient);
      clearSession(queryClient, { to });
    },
  });
}

/**
 * Where to go after signing in: the `next` parameter when it is a path inside this app,
 * otherwise `fallback` (never another origin: `//evil.example` and `/\evil` are refused).
 */
export function safeNext(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return fallback;
  }
  return next;
}
