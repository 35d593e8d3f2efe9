// The notification bell, composed into the shared header by the app (shared layouts may not
// import features). Loaded lazily: visitors who are not signed in never download it.
// Opening a notification about an order reloads that order, so that one about the order on
// screen (the consumer accepted a settlement while the enterprise looks at it) shows what it
// announces.
import { useQueryClient } from '@tanstack/react-query';
import { lazy } from 'react';
import { orderQueryOptions } from '@/features/orders/api/order';

const NotificationBell = lazy(() =>
  import('@/features/notifications/components/notification-bell').then((m) => ({ default: m.NotificationBell })),
);

export function NotificationBellSlot() {
  const queryClient = useQueryClient();
  return (
    <NotificationBell onOpenOrder={(id) => void queryClient.invalidateQueries({ queryKey: orderQueryOptions(id).queryKey })} />
  );
}
