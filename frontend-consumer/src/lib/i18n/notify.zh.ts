// Chinese strings of the notification centre (merged into zhCN).
export const notifyZh = {
  notifications: {
    bell: '消息通知',
    bellUnread: '消息通知，{{count}} 条未读',
    title: '消息通知',
    loading: '正在加载',
    loadFailed: '无法加载消息',
    unreadSummary: '{{count}} 条未读',
    markAllRead: '全部标为已读',
    markRead: '标为已读',
    markReadOne: '将“{{title}}”标为已读',
    unreadMark: '（未读）',
    empty: '暂无消息',
    prefsTitle: '通知方式',
    prefsIntro: '站内消息始终开启。您还可以选择通过短信或电子邮件接收诉求进展（发送到账户绑定的手机号或邮箱）。',
    prefsLoadFailed: '无法加载通知设置',
    channel: { sms: '短信通知', email: '邮件通知' },
  },
};
