// JSON requests to the dialogue endpoints through the app's CSRF-aware fetch, with error
// answers turned into `ApiError`s as `unwrap` does for the typed client.
import { env } from '@/config/env';
import { sendWithCsrf } from '@/lib/api-client';
import { ApiError, parseRetryAfter, toProblem } from '@/lib/problem';

export async function requestJson<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await sendWithCsrf(
    new Request(`${env.apiBaseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    }),
  );
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!response.ok) {
    throw new ApiError(response.status, toProblem(parsed), parseRetryAfter(response.headers.get('retry-after')));
  }
  return parsed as T;
}
