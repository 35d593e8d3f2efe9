// Routes load their code on first visit, so the first page only pays for what it shows.
import { useState } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { SiteLayout } from '@/components/layouts/site-layout';
import { PageSpinner } from '@/components/page-spinner';
import { RouteError } from '@/components/route-error';
import { NotificationBellSlot } from './notification-bell-slot';

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <SiteLayout signedInExtras={<NotificationBellSlot />} />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <PageSpinner />,
    children: [
      {
        index: true,
        lazy: () => import('./routes/home').then((m) => ({ Component: m.HomeRoute })),
      },
      {
        path: 'login',
        lazy: () => import('./routes/login').then((m) => ({ Component: m.LoginRoute })),
      },
      {
        path: 'register',
        lazy: () => import('./routes/register').then((m) => ({ Component: m.RegisterRoute })),
      },
      {
        path: 'forgot-password',
        lazy: () =>
          import('./routes/forgot-password').then((m) => ({ Component: m.ForgotPasswordRoute })),
      },
      {
        path: 'apply',
        lazy: () => import('./routes/apply').then((m) => ({ Component: m.ApplyRoute })),
      },
      {
        path: 'apply/status',
        lazy: () => import('./routes/apply-status').then((m) => ({ Component: m.ApplyStatusRoute })),
      },
      {
        // Signed-in pages: anyone else is sent to /login?next=…
        path: 'me',
        lazy: () => import('@/components/require-auth').then((m) => ({ Component: m.RequireAuth })),
        children: [
          {
            index: true,
            lazy: () => import('./routes/profile').then((m) => ({ Component: m.ProfileRoute })),
          },
          {
            path: 'sessions',
            lazy: () => import('./routes/sessions').then((m) => ({ Component: m.SessionsRoute })),
          },
        ],
      },
      {
        // The consumer's appeals (signed in).
        path: 'appeals',
        lazy: () => import('@/components/require-auth').then((m) => ({ Component: m.RequireAuth })),
        children: [
          {
            index: true,
            lazy: () => import('./routes/appeals').then((m) => ({ Component: m.AppealsRoute })),
          },
          {
            path: 'new',
            lazy: () => import('./routes/appeal-new').then((m) => ({ Component: m.AppealNewRoute })),
          },
          {
            path: ':id',
            lazy: () => import('./routes/appeal').then((m) => ({ Component: m.AppealRoute })),
          },
        ],
      },
      {
        path: '*',
        lazy: () => import('./routes/not-found').then((m) => ({ Component: m.NotFoundRoute })),
      },
    ],
  },
];

export function AppRouter() {
  const [router] = useState(() => createBrowserRouter(routes));
  return <RouterProvider router={router} />;
}
