// The header's bell: the unread count (polled every 10 s and on window focus) on a button
// that opens the newest notifications; opening one marks it read and goes to its order
// (reloaded through `onOpenOrder`, in case it is the page on screen).
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { QueryError } from '@/components/query-error';
import { useLanguage } from '@/lib/i18n';
import { useNotifications, type Notification } from '../api/get-notifications';
import { useUnreadCount } from '../api/get-unread-count';
import { useMarkRead } from '../api/mark-read';
import './notification-bell.css';

/** Where a notification leads in this app. */
function linkOf(n: Notification): string | null {
  return n.order_id ? `/appeals/${n.order_id}` : null;
}

type NotificationBellProps = {
  /**
   * Called when a notification about an order is opened, before going to it: the app
   * reloads that order, which may be the page already on screen (navigating to it again
   * would not show what the notification is about).
   */
  onOpenOrder?: (orderId: number) => void;
};

export function NotificationBell({ onOpenOrder }: NotificationBellProps = {}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  const label =
    count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell');
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      destroyOnHidden
      title={<span id="wq-notifications-title">{t('notifications.title')}</span>}
      content={<NotificationList onNavigate={() => setOpen(false)} onOpenOrder={onOpenOrder} />}
    >
      <Button
        type="text"
        className="wq-bell"
        aria-label={label}
        aria-haspopup="dialog"
        aria-expanded={open}
        data-testid="notification-bell"
        icon={
          <Badge count={count} size="small" overflowCount={99}>
            <BellOutlined aria-hidden="true" style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Popover>
  );
}

function NotificationList({ onNavigate, onOpenOrder }: { onNavigate: () => void; onOpenOrder?: (orderId: number) => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const list = useNotifications(language, true);
  const markRead = useMarkRead();
  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' });

  if (list.isPending) {
    return (
      <Flex justify="center" style={{ width: 320, padding: 24 }}>
        <Spin aria-label={t('notifications.loading')} />
      </Flex>
    );
  }
  if (list.isError) {
    return (
      <div style={{ width: 320 }}>
        <QueryError title={t('notifications.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />
      </div>
    );
  }
  const items = list.data.items;
  const open = (n: Notification) => {
    if (!n.read_at) markRead.mutate({ ids: [n.id] });
    const to = linkOf(n);
    if (n.order_id) onOpenOrder?.(n.order_id);
    if (to) {
      onNavigate();
      void navigate(to);
    }
  };
  return (
    <Flex vertical gap={8} style={{ width: 340, maxWidth: '90vw' }} role="region" aria-labelledby="wq-notifications-title">
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">
          {t('notifications.unreadSummary', { count: list.data.unread })}
        </Typography.Text>
        <Button
          size="small"
          type="link"
          disabled={list.data.unread === 0}
          loading={markRead.isPending}
          onClick={() => markRead.mutate({ all: true })}
        >
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <ul className="wq-bell-list" style={{ maxHeight: 360, overflowY: 'auto', listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map((n) => (
            <li
              key={n.id}
              data-testid="notification"
              data-unread={n.read_at ? 'false' : 'true'}
              style={{ padding: '8px 0', borderTop: '1px solid rgba(5, 5, 5, 0.06)' }}
            >
              <Flex justify="space-between" align="start" gap={8}>
                <Button
                  type="link"
                  style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
                  onClick={() => open(n)}
                >
                  {n.read_at ? n.title : <strong>{n.title}</strong>}
                  {n.read_at ? null : <span className="wq-bell-hidden">{t('notifications.unreadMark')}</span>}
                </Button>
                {n.read_at ? null : (
                  <Button
                    size="small"
                    type="link"
                    aria-label={t('notifications.markReadOne', { title: n.title })}
                    onClick={() => markRead.mutate({ ids: [n.id] })}
                  >
                    {t('notifications.markRead')}
                  </Button>
                )}
              </Flex>
              <div>{n.body}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {dateTime.format(new Date(n.created_at))}
              </Typography.Text>
            </li>
          ))}
        </ul>
      )}
    </Flex>
  );
}
