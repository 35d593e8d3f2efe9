// The unread dialogue messages of one order, as a badge on a list row (nothing when none).
import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDialogueUnread } from '../api/unread';

export function UnreadBadge({ orderId }: { orderId: number }) {
  const { t } = useTranslation();
  const unread = useDialogueUnread();
  const count = unread.data?.orders.find((o) => o.order_id === orderId)?.unread ?? 0;
  if (count <= 0) return null;
  const label = t('dialogue.unread', { count });
  return (
    <span data-testid="unread-badge" data-count={count}>
      <Badge count={count} title={label} aria-hidden="true" />
      <span className="wq-visually-hidden">{label}</span>
    </span>
  );
}
