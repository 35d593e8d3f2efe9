// /orders — the inbox, with each row's unread dialogue messages as a badge.
import { UnreadBadge } from '@/features/dialogue/components/unread-badge';
import { InboxPage } from '@/features/orders/routes/inbox-page';

export function InboxRoute() {
  return <InboxPage badge={(orderId) => <UnreadBadge orderId={orderId} />} />;
}
