// The notification bell, composed into the shared header by the app (shared layouts may not
// import features). Loaded lazily: visitors who are not signed in never download it.
import { lazy } from 'react';

export const NotificationBellSlot = lazy(() =>
  import('@/features/notifications/components/notification-bell').then((m) => ({ default: m.NotificationBell })),
);
