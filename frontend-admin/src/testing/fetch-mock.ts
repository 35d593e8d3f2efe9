// Replaces globalThis.fetch with a router of canned JSON responses, keyed by path + query.
import { vi } from 'vitest';

export type MockResponse = { status?: number; body: unknown; contentType?: string };
export type MockRoutes = Record<string, MockResponse | (() => MockResponse | Promise<MockResponse>)>;

export function mockFetch(routes: MockRoutes) {
  const calls: string[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const key = url.pathname + url.search;
    calls.push(key);
    const route = routes[key];
    if (!route) {
      return new Response(JSON.stringify({ status: 404, code: 'not_found', detail: `no mock for ${key}`, detail_zh: '未模拟' }), {
        status: 404,
        headers: { 'content-type': 'application/problem+json' },
      });
    }
    const { status = 200, body, contentType } = typeof route === 'function' ? await route() : route;
    return new Response(JSON.stringify(body), {
      status,
      headers: {
        'content-type': contentType ?? (status >= 400 ? 'application/problem+json' : 'application/json'),
      },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { fetchMock, calls };
}

export function problem(status: number, code: string, detail: string, detail_zh: string, extra: object = {}) {
  return {
    status,
    body: { type: 'about:blank', title: code, status, code, detail, detail_zh, ...extra },
  };
}
