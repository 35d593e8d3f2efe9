import { describe, expect, it } from 'vitest';
import { csrfRefused, consumer, signedIn } from '@/testing/me-data';
import { mockFetch } from '@/testing/fetch-mock';
import { createTestQueryClient } from '@/testing/render';
import { createApiClient, CSRF_HEADER, unwrapEmpty } from './api-client';
import { connectSession, meQueryKey, setMe } from './auth';
import { ApiError } from './problem';

const client = createApiClient('http://api.test');

function connected(token: string | null) {
  const queryClient = createTestQueryClient();
  connectSession(queryClient);
  setMe(queryClient, token ? { ...consumer, csrf_token: token } : null);
  return queryClient;
}

describe('CSRF token on state-changing requests', () => {
  it('sends the session token with DELETE and none with GET', async () => {
    connected('token-a');
    const { requests } = mockFetch({
      'DELETE /api/v1/me/session': { status: 204 },
      '/api/v1/me/sessions': { body: { items: [] } },
    });
    await unwrapEmpty(client.DELETE('/api/v1/me/session'));
    await client.GET('/api/v1/me/sessions');
    expect(requests.map((r) => [r.method, r.headers.get(CSRF_HEADER)])).toEqual([
      ['DELETE', 'token-a'],
      ['GET', null],
    ]);
  });

  it('sends no token when nobody is signed in', async () => {
    connected(null);
    const { requests } = mockFetch({ 'POST /api/v1/sessions': { status: 201, body: { second_factor: 'not_required', me: consumer } } });
    await client.POST('/api/v1/sessions', { body: { audience: 'consumer', login: '13800138000', password: 'x' } });
    expect(requests[0]?.headers.get(CSRF_HEADER)).toBeNull();
  });

  it('refetches /me once after csrf_token_invalid and retries with the fresh token', async () => {
    const queryClient = connected('stale');
    let deletes = 0;
    const { requests } = mockFetch({
      '/api/v1/me': signedIn({ ...consumer, csrf_token: 'fresh' }),
      'DELETE /api/v1/me/sessions': ({ headers }) => {
        deletes += 1;
        return headers.get(CSRF_HEADER) === 'fresh' ? { status: 204 } : csrfRefused;
      },
    });
    await unwrapEmpty(client.DELETE('/api/v1/me/sessions'));
    expect(deletes).toBe(2);
    expect(requests.map((r) => `${r.method} ${r.key} ${r.headers.get(CSRF_HEADER)}`)).toEqual([
      'DELETE /api/v1/me/sessions stale',
      'GET /api/v1/me null',
      'DELETE /api/v1/me/sessions fresh',
    ]);
    expect(queryClient.getQueryData<typeof consumer>(meQueryKey)?.csrf_token).toBe('fresh');
  });

  it('retries only once: a second refusal is the answer', async () => {
    connected('stale');
    const { calls } = mockFetch({
      '/api/v1/me': signedIn({ ...consumer, csrf_token: 'still-wrong' }),
      'DELETE /api/v1/me/sessions': csrfRefused,
    });
    const error = await unwrapEmpty(client.DELETE('/api/v1/me/sessions')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem?.code).toBe('csrf_token_invalid');
    expect(calls).toEqual(['DELETE /api/v1/me/sessions', '/api/v1/me', 'DELETE /api/v1/me/sessions']);
  });

  it('does not retry when /me says the session has ended', async () => {
    connected('stale');
    const { calls } = mockFetch({ 'DELETE /api/v1/me/sessions': csrfRefused });
    await expect(unwrapEmpty(client.DELETE('/api/v1/me/sessions'))).rejects.toBeInstanceOf(ApiError);
    expect(calls).toEqual(['DELETE /api/v1/me/sessions', '/api/v1/me']);
  });

  it('keeps Retry-After on a 429', async () => {
    connected(null);
    mockFetch({
      'POST /api/v1/verification-codes': {
        status: 429,
        headers: { 'retry-after': '42' },
        body: { type: 'x', title: 'x', status: 429, code: 'too_many_requests', detail: '', detail_zh: '' },
      },
    });
    const error = await unwrapEmpty(
      client.POST('/api/v1/verification-codes', { body: { phone: '13800138000', purpose: 'register' } }),
    ).catch((e: unknown) => e);
    expect((error as ApiError).retryAfter).toBe(42);
  });
});
