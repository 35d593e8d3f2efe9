// Orders as the API answers them, for the appeal screens' tests.
import type { CategoryTree } from '@/features/orders/api/get-categories';
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
      category: null,
      subject_category: { code: 'S0401', name_zh: '预付卡消费', name_en: 'Prepaid cards', active: true, group: { code: 'S04', name_zh: '销售服务', name_en: 'Retail services' } },
      problem_type: { code: 'P06', name_zh: '合同', name_en: 'Contract', active: true },
    },
    signals: [],
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

/** A small taxonomy as `GET /api/v1/categories` answers it. */
export const categoryTree: CategoryTree = {
  subjects: [
    {
      branch: 'goods',
      name_zh: '商品',
      name_en: 'Goods',
      groups: [
        {
          code: 'G03', kind: 'subject', name_zh: '食品类', name_en: 'Food', position: 3, active: true, parent_code: null,
          children: [{ code: 'G0301', kind: 'subject', name_zh: '预包装食品', name_en: 'Prepackaged food', position: 1, active: true, parent_code: 'G03' }],
        },
      ],
    },
    {
      branch: 'services',
      name_zh: '服务',
      name_en: 'Services',
      groups: [
        {
          code: 'S04', kind: 'subject', name_zh: '销售服务', name_en: 'Retail services', position: 4, active: true, parent_code: null,
          children: [
            { code: 'S0401', kind: 'subject', name_zh: '预付卡消费', name_en: 'Prepaid cards', position: 1, active: true, parent_code: 'S04' },
            { code: 'S0402', kind: 'subject', name_zh: '会员服务', name_en: 'Memberships', position: 2, active: true, parent_code: 'S04' },
          ],
        },
      ],
    },
  ],
  problem_types: [
    { code: 'P01', kind: 'problem', name_zh: '质量', name_en: 'Quality', position: 1, active: true, parent_code: null },
    { code: 'P06', kind: 'problem', name_zh: '合同', name_en: 'Contract', position: 6, active: true, parent_code: null },
  ],
};

export const categoriesRoute = { '/api/v1/categories': { body: categoryTree } };
