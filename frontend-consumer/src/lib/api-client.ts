// The typed API client. Every feature's API file calls through `api` and `unwrap`, so error
// responses become `ApiError`s in exactly one place.
import createClient from 'openapi-fetch';
import type { paths } from '@/api/schema';
import { env } from '@/config/env';
import { ApiError, toProblem } from './problem';

export function createApiClient(baseUrl: string = env.apiBaseUrl) {
  return createClient<paths>({
    baseUrl,
    // Look fetch up on every call (not once at creation) so tests can replace it.
    fetch: (request) => globalThis.fetch(request),
  });
}

export const api = createApiClient();

type ClientResult<T> = { data?: T; error?: unknown; response: Response };

/** Returns the body of a successful response; throws an `ApiError` for an error response. */
export async function unwrap<T>(call: Promise<ClientResult<T>>): Promise<NonNullable<T>> {
  const result = await call;
  if (result.error !== undefined || !result.response.ok) {
    throw new ApiError(result.response.status, toProblem(result.error));
  }
  // Every operation we call documents a JSON body for its success response.
  return result.data as NonNullable<T>;
}
