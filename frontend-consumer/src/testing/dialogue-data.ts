// Dialogues as the API answers them, for the dialogue panel's tests.
import type { DialogueView, Message } from '@/features/dialogue/api/types';

export function message(overrides: Partial<Message> & { id: number }): Message {
  return {
    order_id: 7,
    author: { party: 'mediator', name: '深圳市南山区市场监督管理局', org_name: null, mine: false },
    internal: false,
    body: `消息 ${overrides.id}`,
    attachments: [],
    created_at: '2026-11-30T02:00:00Z',
    ...overrides,
  };
}

export function dialogue(overrides: Partial<DialogueView> = {}): DialogueView {
  return {
    items: [
      message({ id: 1, body: '您好，我们已受理您的投诉，请补充购买凭证。' }),
      message({
        id: 2,
        author: { party: 'consumer', name: '张三', org_name: null, mine: true },
        body: '好的，已上传收据。',
        attachments: [{ id: 31, name: '收据.jpg', media_type: 'image/jpeg', size: 52_000 }],
      }),
    ],
    open: true,
    can_post: true,
    can_post_internal: false,
    my_read_up_to: 1,
    read_receipts: [
      { party: 'consumer', read_up_to: 1 },
      { party: 'mediator', read_up_to: 2 },
      { party: 'business', read_up_to: null },
    ],
    unread: 0,
    ...overrides,
  };
}
