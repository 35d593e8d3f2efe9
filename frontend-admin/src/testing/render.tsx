import type { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { AppProvider } from '@/app/provider';
import { createQueryClient } from '@/lib/query-client';

/** The app's query client (with its session handling), without retries or refetching. */
export function createTestQueryClient(): QueryClient {
  const client = createQueryClient();
  client.setDefaultOptions({
    queries: { retry: false, staleTime: Infinity, gcTime: Infinity, refetchOnWindowFocus: false },
    mutations: { retry: false },
  });
  return client;
}

/** Renders a component inside the app's providers and a memory router at `path`. */
export function renderWithProviders(
  ui: ReactElement,
  options: { path?: string; queryClient?: QueryClient } = {},
) {
  return renderRoutes([{ path: '*', element: ui }], options);
}

/** Renders a route table (for example the app's own) inside the app's providers. */
export function renderRoutes(
  routes: RouteObject[],
  { path = '/', queryClient = createTestQueryClient() }: { path?: string; queryClient?: QueryClient } = {},
) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const result = render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...result, router, queryClient };
}
