// The console is served under /admin/; routes load their code on first visit.
import { useState } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { AdminLayout } from '@/components/layouts/admin-layout';
import { PageSpinner } from '@/components/page-spinner';
import { RouteError } from '@/components/route-error';

export const BASENAME = '/admin';

export const routes: RouteObject[] = [
  {
    path: '/login',
    errorElement: <RouteError />,
    hydrateFallbackElement: <PageSpinner />,
    lazy: () =>
      import('@/features/auth/routes/login-page').then((m) => ({ Component: m.LoginPage })),
  },
  {
    path: '/',
    element: <AdminLayout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <PageSpinner />,
    children: [
      // Until sign-in exists the status page is the console's only working page.
      { index: true, element: <Navigate to="/status" replace /> },
      {
        path: 'status',
        lazy: () =>
          import('@/features/status/routes/status-page').then((m) => ({ Component: m.StatusPage })),
      },
      {
        path: '*',
        lazy: () => import('./routes/not-found').then((m) => ({ Component: m.NotFoundRoute })),
      },
    ],
  },
];

export function AppRouter() {
  const [router] = useState(() => createBrowserRouter(routes, { basename: BASENAME }));
  return <RouterProvider router={router} />;
}
