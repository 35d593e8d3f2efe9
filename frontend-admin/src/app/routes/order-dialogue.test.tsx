// The app composes the dialogue into the order page and the unread badges into the inbox.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setMe } from '@/lib/auth';
import { dialogue } from '@/testing/dialogue-data';
import { stubEventSource } from '@/testing/event-source';
import { mockFetch } from '@/testing/fetch-mock';
import { handler } from '@/testing/me-data';
import { createTestQueryClient, renderRoutes } from '@/testing/render';
import { InboxRoute } from './inbox';
import { OrderRoute } from './order';

const order = {
  id: 7,
  number: 'WQ20261129000007',
  kind: 'complaint',
  state: 'mediating',
  conclusion: null,
  rules: 'order121',
  received_on: '2026-11-20',
  due_on: '2027-01-19',
  due_provisional: false,
  overdue: false,
  deadlines: [],
  holder_org_id: 3207,
  holder_name: '深圳市南山区市场监督管理局',
  handler_id: 7,
  routing_rule: 'place_of_business',
  routing_intended: null,
  linked_order_id: null,
  rating: null,
  version: 3,
  view: 'staff',
  available_actions: [],
  attachments: [],
  signals: [],
  escalated_at: null,
  appeal: { facts: '菜品变质。' },
  filer: { anonymous: false, user_id: 42, display_name: '张三', phone: '138****8000' },
  timeline: [],
};

function signedInClient() {
  const queryClient = createTestQueryClient();
  setMe(queryClient, handler);
  return queryClient;
}

describe('dialogue in the console', () => {
  it('shows the order\'s dialogue on the order page, as the mediator', async () => {
    stubEventSource();
    mockFetch({
      '/api/v1/orders/7': { body: order },
      '/api/v1/orders/7/messages?limit=200': { body: dialogue({ can_post_internal: true, my_read_up_to: 2 }) },
    });
    renderRoutes([{ path: '/orders/:id', element: <OrderRoute /> }], { path: '/orders/7', queryClient: signedInClient() });
    expect(await screen.findByTestId('dialogue-panel')).toBeTruthy();
    expect(await screen.findByRole('checkbox', { name: '内部备注（消费者和经营者不可见）' })).toBeTruthy();
    // Staff attach files through POST /attachments like consumers.
    expect(screen.getByRole('button', { name: /添加附件/ })).toBeTruthy();
  }, 40_000);

  it('puts the unread count on inbox rows that have unread messages', async () => {
    mockFetch({
      '/api/v1/organisations/3207': { body: { id: 3207, name: '深圳市南山区市场监督管理局', kind: 'bureau', bureau_level: 'county', division_code: '440305', status: 'active', has_children: true, parent_id: 3100, ancestors: [] } },
      '/api/v1/organisations/3207/orders/counts': { body: { by_state: { received: 0, with_enterprise: 0, accepted: 0, mediating: 2, checking: 0 }, total: 2, overdue: 0 } },
      '/api/v1/categories': { body: { subjects: [], problem_types: [] } },
      '/api/v1/organisations/3207/orders?limit=50': {
        body: {
          items: [7, 8].map((id) => ({
            id,
            number: `WQ2026112900000${id}`,
            kind: 'complaint',
            state: 'mediating',
            received_on: '2026-11-20',
            due_on: '2026-12-04',
            due_provisional: false,
            overdue: false,
            holder_org_id: 3207,
            holder_name: '深圳市南山区市场监督管理局',
            version: 1,
            created_at: '2026-11-20T02:00:00Z',
          })),
          next: null,
        },
      },
      '/api/v1/dialogues/unread': { body: { total: 3, orders: [{ order_id: 8, unread: 3 }] } },
    });
    renderRoutes([{ path: '/orders', element: <InboxRoute /> }], { path: '/orders', queryClient: signedInClient() });
    const badge = await screen.findByTestId('unread-badge');
    expect(badge.getAttribute('data-count')).toBe('3');
    expect(badge.textContent).toContain('3 条未读消息');
    const rows = screen.getAllByTestId('order-row');
    expect(rows[1]?.contains(badge)).toBe(true);
    expect(rows[0]?.querySelector('[data-testid="unread-badge"]')).toBeNull();
  }, 40_000);
});
