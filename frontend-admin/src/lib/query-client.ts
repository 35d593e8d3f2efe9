import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { clearSession } from './auth';
import { ApiError } from './problem';

/** Client errors (4xx) will not change on retry; network errors and 5xx get two more tries. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  return failureCount < 2;
}

/** A 401 `unauthorized` from any request means the session has ended (expired, revoked). */
function isSessionEnded(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.problem?.code === 'unauthorized';
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isSessionEnded(error)) clearSession(client);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isSessionEnded(error)) clearSession(client);
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 60_000 },
    },
  });
  return client;
}
