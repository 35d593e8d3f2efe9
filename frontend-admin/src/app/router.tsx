// The console is served under /admin/; routes load their code on first visit.
import { useState } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { AdminLayout } from '@/components/layouts/admin-layout';
import { PageSpinner } from '@/components/page-spinner';
import { RouteError } from '@/components/route-error';
import { NotificationBellSlot } from './notification-bell-slot';

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
    // Public: the invitee sets a password; the token stays in the URL fragment.
    path: '/invitations/accept',
    errorElement: <RouteError />,
    hydrateFallbackElement: <PageSpinner />,
    lazy: () =>
      import('@/features/members/routes/accept-invitation-page').then((m) => ({ Component: m.AcceptInvitationPage })),
  },
  {
    path: '/',
    element: <AdminLayout signedInExtras={<NotificationBellSlot />} />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <PageSpinner />,
    children: [
      { index: true, element: <Navigate to="/status" replace /> },
      {
        // Public: the status page needs no sign-in.
        path: 'status',
        lazy: () =>
          import('@/features/status/routes/status-page').then((m) => ({ Component: m.StatusPage })),
      },
      {
        // Pages behind a completed sign-in, each with the capability it needs (if any);
        // the guard loads with the first of them.
        path: 'orders',
        lazy: () =>
          import('@/components/require-auth').then((m) => ({
            element: <m.RequireAuth capability="view_orders" />,
          })),
        children: [
          {
            index: true,
            lazy: () => import('./routes/inbox').then((m) => ({ Component: m.InboxRoute })),
          },
          {
            path: ':id',
            lazy: () => import('./routes/order').then((m) => ({ Component: m.OrderRoute })),
          },
        ],
      },
      {
        // 企业统计: an enterprise's self-settlement record (issue 5).
        path: 'odr-stats',
        lazy: () =>
          import('@/components/require-auth').then((m) => ({
            element: <m.RequireAuth capability="view_odr_stats" />,
          })),
        children: [
          {
            index: true,
            lazy: () => import('@/features/enterprise/routes/odr-stats-page').then((m) => ({ Component: m.OdrStatsPage })),
          },
        ],
      },
      {
        path: 'organisations',
        lazy: () =>
          import('@/components/require-auth').then((m) => ({
            element: <m.RequireAuth capability="view_org_tree" />,
          })),
        children: [
          {
            index: true,
            lazy: () =>
              import('@/features/organisations/routes/organisations-page').then((m) => ({
                Component: m.OrganisationsPage,
              })),
          },
        ],
      },
      {
        path: 'members',
        lazy: () =>
          import('@/components/require-auth').then((m) => ({
            element: <m.RequireAuth capability="manage_members" />,
          })),
        children: [
          {
            index: true,
            lazy: () =>
              import('@/features/members/routes/members-page').then((m) => ({ Component: m.MembersPage })),
          },
        ],
      },
      {
        path: 'applications',
        lazy: () =>
          import('@/components/require-auth').then((m) => ({
            element: <m.RequireAuth capability="review_applications" />,
          })),
        children: [
          {
            index: true,
            lazy: () => import('@/features/applications/routes/applications-page').then((m) => ({ Component: m.ApplicationsPage })),
          },
        ],
      },
      {
        path: 'api-clients',
        lazy: () =>
          import('@/components/require-auth').then((m) => ({
            element: <m.RequireAuth capability="manage_api_clients" />,
          })),
        children: [
          {
            index: true,
            lazy: () => import('@/features/api-clients/routes/api-clients-page').then((m) => ({ Component: m.ApiClientsPage })),
          },
        ],
      },
      {
        path: 'audit',
        lazy: () =>
          import('@/components/require-auth').then((m) => ({
            element: <m.RequireAuth capability="search_audit" />,
          })),
        children: [
          {
            index: true,
            lazy: () => import('@/features/audit/routes/audit-page').then((m) => ({ Component: m.AuditPage })),
          },
        ],
      },
      {
        path: 'taxonomy',
        lazy: () =>
          import('@/components/require-auth').then((m) => ({
            element: <m.RequireAuth capability="manage_taxonomy" />,
          })),
        children: [
          {
            index: true,
            lazy: () => import('@/features/taxonomy/routes/taxonomy-page').then((m) => ({ Component: m.TaxonomyPage })),
          },
        ],
      },
      {
        path: 'supervision',
        lazy: () =>
          import('@/components/require-auth').then((m) => ({
            element: <m.RequireAuth capability="supervise" />,
          })),
        children: [
          {
            index: true,
            lazy: () =>
              import('@/features/orders/routes/supervision-page').then((m) => ({ Component: m.SupervisionPage })),
          },
        ],
      },
      {
        path: 'calendar',
        lazy: () =>
          import('@/components/require-auth').then((m) => ({
            element: <m.RequireAuth capability="view_calendar" />,
          })),
        children: [
          {
            index: true,
            lazy: () => import('@/features/holidays/routes/calendar-page').then((m) => ({ Component: m.CalendarPage })),
          },
        ],
      },
      {
        path: 'outbox',
        lazy: () =>
          import('@/components/require-auth').then((m) => ({
            element: <m.RequireAuth capability="manage_outbox" />,
          })),
        children: [
          {
            index: true,
            lazy: () => import('@/features/outbox/routes/outbox-page').then((m) => ({ Component: m.OutboxPage })),
          },
        ],
      },
      {
        path: 'sessions',
        lazy: () => import('@/components/require-auth').then((m) => ({ element: <m.RequireAuth /> })),
        children: [
          {
            index: true,
            lazy: () =>
              import('@/features/sessions/routes/sessions-page').then((m) => ({ Component: m.SessionsPage })),
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
  const [router] = useState(() => createBrowserRouter(routes, { basename: BASENAME }));
  return <RouterProvider router={router} />;
}
