// The notification bell, composed into the shared header by the app (shared layouts may not
// import features). Loaded lazily: visitors who are not signed in never download it.
// Opening a notification about an appeal reloads that appeal, so that one about the appeal
// on screen (a settlement proposed while the consumer reads it) shows what it announces.
import { useQueryClient } from '@tanstack/react-query';
import { lazy } from 'react';
import { orderQueryKey } from '@/features/orders/api/get-order';

const NotificationBell = lazy(() =>
  import('@/features/notifications/components/notification-bell').then((m) => ({ default: m.NotificationBell })),
);

export function NotificationBellSlot() {
  const queryClient = useQueryClient();
  return <NotificationBell onOpenOrder={(id) => void queryClient.invalidateQueries({ queryKey: orderQueryKey(id) })} />;
}
