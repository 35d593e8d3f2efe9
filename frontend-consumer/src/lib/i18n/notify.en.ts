// English strings of the notification centre (merged into enUS).
import type { notifyZh } from './notify.zh';

export const notifyEn: typeof notifyZh = {
  notifications: {
    bell: 'Notifications',
    bellUnread: 'Notifications, {{count}} unread',
    title: 'Notifications',
    loading: 'Loading',
    loadFailed: 'Could not load notifications',
    unreadSummary: '{{count}} unread',
    markAllRead: 'Mark all read',
    markRead: 'Mark read',
    markReadOne: 'Mark “{{title}}” read',
    unreadMark: ' (unread)',
    empty: 'No notifications',
    prefsTitle: 'Notification channels',
    prefsIntro:
      'In-app notifications are always on. You may also receive news on your appeals by SMS or email (to the phone number or address of your account).',
    prefsLoadFailed: 'Could not load your notification settings',
    channel: { sms: 'SMS', email: 'Email' },
  },
};
