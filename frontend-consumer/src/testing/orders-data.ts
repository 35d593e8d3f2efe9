// Orders as the API answers them, for the appeal screens' tests.
import type { Order } from '@/features/orders/api/get-order';
import type { OrderSummary } from '@/features/orders/api/get-my-orders';
import type { OrderReceipt } from '@/features/orders/api/submit-order';

export const receipt: OrderReceipt = {
  orders: [
    {
      id: 7,
      number: 'WQ20261129000007',
      kind: 'complaint',
      state: 'received',
      holder_org_id: 3207,
      holder_name: '深圳市南山区市场监督管理局',
      routing_rule: 'place_of_business',
      due_on: '2026-12-08',
    },
  ],
};

export function summary(overrides: Partial<OrderSummary> = {}): OrderSummary {
  return {
    id: 7,
    number: 'WQ20261129000007',
    kind: 'complaint',
    state: 'received',
    received_on: '2026-11-29',
    due_on: '2026-12-08',
    due_provisional: false,
    overdue: false,
    holder_org_id: 3207,
    version: 1,
    created_at: '2026-11-29T08:00:00Z',
    ...overrides,
  };
}

export function order(overrides: Partial<Order> = {}): Order {
  return {
    id: 7,
    number: 'WQ20261129000007',
    kind: 'complaint',
    state: 'received',
    conclusion: null,
    rules: 'order121',
    received_on: '2026-11-29',
    due_on: '2026-12-08',
    due_provisional: false,
    overdue: false,
    deadlines: [{ kind: 'acceptance', due_on: '2026-12-08', provisional: false, stopped: false }],
    holder_org_id: 3207,
    holder_name: '深圳市南山区市场监督管理局',
    handler_id: null,
    routing_rule: null,
    routing_intended: null,
    linked_order_id: null,
    rating: null,
    version: 3,
    view: 'filer',
    available_actions: ['withdraw'],
    attachments: [],
    appeal: {
      business_name: '深圳某某餐饮有限公司',
      credit_code: null,
      business_division: '440305',
      business_address: '南山区科技园路 1 号',
      channel: 'offline',
      platform: null,
      platform_division: null,
      conduct_division: null,
      item: '预付储值卡',
      bought_on: '2026-11-01',
      amount_fen: 128000,
      request: '退还余额',
      facts: '门店关闭，余额无法使用。',
      category: '预付卡',
    },
    filer: null,
    timeline: [
      {
        seq: 1,
        at: '2026-11-29T08:00:00Z',
        action: 'received',
        from_state: null,
        to_state: 'received',
        actor_kind: 'consumer',
        actor_org_id: null,
        public: true,
        reason: null,
      },
    ],
    ...overrides,
  };
}
