// The typed API client. Every feature's API file calls through `api` and `unwrap`, so error
// responses become `ApiError`s in exactly one place.
//
// State-changing requests carry the session's CSRF token (`X-CSRF-Token`). The token lives
// in the signed-in user's `Me` in the query cache; `lib/auth` connects the two with
// `connectSession`. When the server refuses a token (403 `csrf_token_invalid`, e.g. after
// the session was replaced), the client asks `/api/v1/me` again and retries once.
import createClient from 'openapi-fetch';
import type { paths } from '@/api/schema';
import { env } from '@/config/env';
import { ApiError, parseRetryAfter, toProblem } from './problem';

export const CSRF_HEADER = 'X-CSRF-Token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type CsrfSource = {
  /** The token of the current session, if one is known. */
  current: () => string | undefined;
  /** Asks the server for the session again; the fresh token, or undefined when signed out. */
  refresh: () => Promise<string | undefined>;
};

let csrfSource: CsrfSource | null = null;

export function setCsrfSource(source: CsrfSource | null): void {
  csrfSource = source;
}

/** The CSRF token of the current session (for requests sent without `api`, e.g. uploads). */
export function currentCsrfToken(): string | undefined {
  return csrfSource?.current();
}

/** Asks the server for the session's token again (after a `csrf_token_invalid` refusal). */
export async function refreshCsrfToken(): Promise<string | undefined> {
  return csrfSource ? csrfSource.refresh().catch(() => undefined) : undefined;
}

async function isCsrfRefusal(response: Response): Promise<boolean> {
  if (response.status !== 403) return false;
  try {
    return toProblem(await response.clone().json())?.code === 'csrf_token_invalid';
  } catch {
    return false;
  }
}

/** fetch with the CSRF header on state-changing requests and one retry with a fresh token. */
export async function sendWithCsrf(request: Request): Promise<Response> {
  // Look fetch up on every call (not once at creation) so tests can replace it.
  if (SAFE_METHODS.has(request.method) || !csrfSource) return globalThis.fetch(request);
  const source = csrfSource;
  const again = request.clone();
  const token = source.current();
  if (token) request.headers.set(CSRF_HEADER, token);
  const response = await globalThis.fetch(request);
  if (!(await isCsrfRefusal(response))) return response;
  const fresh = await source.refresh().catch(() => undefined);
  if (!fresh) return response;
  again.headers.set(CSRF_HEADER, fresh);
  return globalThis.fetch(again);
}

export function createApiClient(baseUrl: string = env.apiBaseUrl) {
  return createClient<paths>({ baseUrl, fetch: sendWithCsrf });
}

export const api = createApiClient();

type ClientResult<T> = { data?: T; error?: unknown; response: Response };

function apiError(result: ClientResult<unknown>): ApiError {
  return new ApiError(
    result.response.status,
    toProblem(result.error),
    parseRetryAfter(result.response.headers.get('retry-after')),
  );
}

/** Returns the body of a successful response; throws an `ApiError` for an error response. */
export async function unwrap<T>(call: Promise<ClientResult<T>>): Promise<NonNullable<T>> {
  const result = await call;
  if (result.error !== undefined || !result.response.ok) throw apiError(result);
  // Every operation we call this way documents a JSON body for its success response.
  return result.data as NonNullable<T>;
}

/** For operations that answer without a body (204 or 202): throws an `ApiError` on failure. */
export async function unwrapEmpty(call: Promise<ClientResult<unknown>>): Promise<void> {
  const result = await call;
  if (result.error !== undefined || !result.response.ok) throw apiError(result);
}
