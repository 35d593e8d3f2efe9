// English strings of the notification bell and the outbox page (merged into enUS).
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
  },
  outbox: {
    title: 'Message delivery',
    intro:
      'SMS and email that failed too often (or that the provider refused) wait here. Fix the cause (a wrong address, a provider outage), then queue them again. Recipients are masked.',
    loadFailed: 'Could not load the parked messages',
    empty: 'No parked messages',
    requeued: 'Queued again',
    id: 'No.',
    channel: 'Channel',
    sms: 'SMS',
    email: 'Email',
    recipient: 'Recipient',
    template: 'Template',
    attempts: 'Attempts',
    lastError: 'Last error',
    createdAt: 'Created',
    actions: 'Actions',
    requeue: 'Queue again',
    requeueOne: 'Queue message {{id}} again',
  },
};
