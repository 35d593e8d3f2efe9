import { describe, expect, it } from 'vitest';
import { mockFetch, problem } from '@/testing/fetch-mock';
import { consumer, signedIn } from '@/testing/me-data';
import { getMe, safeNext } from './auth';
import { ApiError } from './problem';

describe('getMe', () => {
  it('answers null when the server says 401 (signed out is not an error)', async () => {
    mockFetch({});
    await expect(getMe()).resolves.toBeNull();
  });

  it('answers the user when signed in', async () => {
    mockFetch({ '/api/v1/me': signedIn() });
    await expect(getMe()).resolves.toEqual(consumer);
  });

  it('throws for other failures, such as Redis being down', async () => {
    mockFetch({ '/api/v1/me': problem(503, 'service_unavailable', 'Redis is down.', 'Redis 不可用。') });
    await expect(getMe()).rejects.toBeInstanceOf(ApiError);
  });
});

describe('safeNext', () => {
  it('keeps paths inside the app', () => {
    expect(safeNext('/me/sessions')).toBe('/me/sessions');
    expect(safeNext('/me?tab=1')).toBe('/me?tab=1');
  });

  it('refuses other origins and empty values', () => {
    for (const next of ['//evil.example/', '/\\evil.example', 'https://evil.example/', 'me', '', null, undefined]) {
      expect(safeNext(next)).toBe('/');
    }
  });
});
