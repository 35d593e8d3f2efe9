// Replaces globalThis.fetch with a router of canned JSON responses, keyed by path + query.
import { vi } from 'vitest';

export type MockResponse = {
  status?: number;
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
};
export type MockRoutes = Record<
  string,
  MockResponse | ((request: { body: unknown; headers: Headers }) => MockResponse | Promise<MockResponse>)
>;

/** What the server answers to `GET /api/v1/me` when nobody is signed in. */
export const signedOut: MockResponse = {
  status: 401,
  body: {
    type: '/problems/unauthorized',
    title: 'Unauthorized',
    status: 401,
    code: 'unauthorized',
    detail: 'Sign in first.',
    detail_zh: '请先登录。',
  },
};

/**
 * Routes are keyed by path + query (`/api/v1/divisions?parent=440000`), or by method, space
 * and path for other methods than GET (`POST /api/v1/sessions`). `GET /api/v1/me` answers
 * 401 (signed out) unless a test says otherwise. `requests` records what was sent.
 */
export function mockFetch(routes: MockRoutes) {
  const calls: string[] = [];
  const requests: { method: string; key: string; headers: Headers; body: unknown }[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const request = input instanceof Request ? input : new Request(String(input));
    const url = new URL(request.url);
    const key = url.pathname + url.search;
    const text = request.method === 'GET' ? '' : await request.text();
    calls.push(request.method === 'GET' ? key : `${request.method} ${key}`);
    requests.push({ method: request.method, key, headers: request.headers, body: text ? JSON.parse(text) : undefined });
    const route =
      routes[request.method === 'GET' ? key : `${request.method} ${key}`] ??
      (request.method === 'GET' && key === '/api/v1/me' ? signedOut : undefined);
    if (!route) {
      return new Response(JSON.stringify({ status: 404, code: 'not_found', detail: `no mock for ${key}`, detail_zh: '未模拟' }), {
        status: 404,
        headers: { 'content-type': 'application/problem+json' },
      });
    }
    const { status = 200, body, contentType, headers = {} } = typeof route === 'function'
        ? await route({ body: text ? JSON.parse(text) : undefined, headers: request.headers })
        : route;
    if (status === 204 || body === undefined) return new Response(null, { status, headers });
    return new Response(JSON.stringify(body), {
      status,
      headers: {
        'content-type': contentType ?? (status >= 400 ? 'application/problem+json' : 'application/json'),
        ...headers,
      },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { fetchMock, calls, requests };
}

export function problem(status: number, code: string, detail: string, detail_zh: string, extra: object = {}) {
  return {
    status,
    body: { type: 'about:blank', title: code, status, code, detail, detail_zh, ...extra },
  };
}
