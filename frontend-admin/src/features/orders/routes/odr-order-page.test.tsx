// The order page of an ODR order: the ODR block for the enterprise and for staff, the
// settlement proposal form (amount required for a refund, yuan sent as fen, If-Match) and no
// filer card for an enterprise.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { setMe, type Me } from '@/lib/auth';
import { mockFetch, type MockRoutes } from '@/testing/fetch-mock';
import { enterpriseHandler, handler } from '@/testing/me-data';
import { createTestQueryClient, renderRoutes } from '@/testing/render';
import { OrderPage } from './order-page';

// The first test of a file loads antd and the routes: slow on a busy 2-core machine.
vi.setConfig({ testTimeout: 60_000 });


const odr = (extra: object = {}) => ({
  enterprise_org_id: 4001,
  enterprise_name: '深圳维权演示科技有限公司',
  dispatched_on: '2026-11-20',
  due_on: '2026-12-04',
  first_answer_at: null,
  outcome: null,
  proposal: null,
  ...extra,
});

const order = (extra: object = {}) => ({
  id: 12,
  number: 'WQ20261129000012',
  kind: 'complaint',
  state: 'with_enterprise',
  conclusion: null,
  rules: 'order121',
  received_on: '2026-11-20',
  due_on: '2026-12-04',
  due_provisional: false,
  overdue: false,
  deadlines: [{ kind: 'enterprise_settlement', due_on: '2026-12-04', provisional: false, stopped: false }],
  holder_org_id: 3207,
  holder_name: '深圳市南山区市场监督管理局',
  handler_id: null,
  routing_rule: null,
  routing_intended: null,
  linked_order_id: null,
  rating: null,
  version: 2,
  view: 'enterprise',
  available_actions: ['propose_settlement'],
  attachments: [],
  signals: [],
  escalated_at: null,
  appeal: {
    business_name: '深圳维权演示科技有限公司',
    business_division: '440305',
    item: '智能手表',
    amount_fen: 128000,
    request: '退货退款',
    facts: '收到的手表无法开机。',
  },
  filer: null,
  timeline: [
    {
      seq: 1,
      at: '2026-11-20T02:00:00Z',
      action: 'received',
      from_state: null,
      to_state: 'with_enterprise',
      actor_kind: 'consumer',
      actor_org_id: null,
      public: true,
      reason: null,
    },
  ],
  odr: odr(),
  ...extra,
});

const ORDER = '/api/v1/orders/12';

function page(routes: MockRoutes, me: Me = enterpriseHandler) {
  const server = mockFetch({
    '/api/v1/organisations/3207': {
      body: { id: 3207, name: '深圳市南山区市场监督管理局', kind: 'bureau', status: 'active', has_children: true, ancestors: [] },
    },
    ...routes,
  });
  const queryClient = createTestQueryClient();
  setMe(queryClient, me);
  const user = userEvent.setup();
  const rendered = renderRoutes([{ path: '/orders/:id', element: <OrderPage /> }], { queryClient, path: '/orders/12' });
  return { ...server, ...rendered, user };
}

async function openProposalForm(user: ReturnType<typeof userEvent.setup>) {
  const panel = await screen.findByTestId('action-panel');
  await user.click(within(panel).getByRole('button', { name: '提出和解方案' }));
  return screen.findByRole('dialog');
}

async function pickRemedy(user: ReturnType<typeof userEvent.setup>, dialog: HTMLElement, name: string) {
  await user.click(within(dialog).getByLabelText('和解方式'));
  const option = await waitFor(() => {
    const found = document.querySelector(`.ant-select-item-option[title="${name}"]`);
    if (!found) throw new Error(`no option ${name}`);
    return found as HTMLElement;
  });
  await user.click(option);
}

describe('OrderPage of an ODR order', () => {
  it('shows the enterprise the ODR block and the facts, and no filer card', async () => {
    page({ [ORDER]: { body: order() } });
    const block = await screen.findByTestId('odr-block');
    expect(block.textContent).toContain('企业先行和解');
    expect(block.textContent).toContain('深圳维权演示科技有限公司');
    expect(block.textContent).toContain('企业尚未答复');
    expect(block.textContent).toContain('企业尚未提出和解方案。');
    expect(within(block).getByRole('link', { name: '查看企业统计' }).getAttribute('href')).toBe('/odr-stats?org=4001');
    expect(screen.getByTestId('order-appeal').textContent).toContain('收到的手表无法开机。');
    expect(screen.queryByText('投诉人')).toBeNull();
    expect(screen.queryByTestId('order-filer')).toBeNull();
  });

  it('refuses a refund without an amount, then sends the proposal in fen with If-Match', async () => {
    let loads = 0;
    const { user, requests } = page({
      [ORDER]: () => {
        loads += 1;
        return {
          body:
            loads === 1
              ? order()
              : order({
                  version: 3,
                  available_actions: ['propose_settlement'],
                  odr: odr({
                    first_answer_at: '2026-11-29T03:00:00Z',
                    proposal: { remedy: 'refund', amount_fen: 128000, terms: '3 个工作日内原路退款', proposed_at: '2026-11-29T03:00:00Z', status: 'pending' },
                  }),
                }),
        };
      },
      [`POST ${ORDER}/actions`]: { body: { id: 12, version: 3 } },
    });
    const dialog = await openProposalForm(user);
    expect(within(dialog).queryByLabelText('说明（可选）')).toBeNull();
    await pickRemedy(user, dialog, '退款');
    await user.click(within(dialog).getByLabelText('和解条款'));
    await user.paste('3 个工作日内原路退款');
    await user.click(within(dialog).getByRole('button', { name: /确\s*认/ }));
    expect(await within(dialog).findByText('退款和赔偿须填写金额')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    await user.click(within(dialog).getByLabelText('金额（元）'));
    await user.paste('1,280');
    await user.click(within(dialog).getByRole('button', { name: /确\s*认/ }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    const post = requests.find((r) => r.method === 'POST')!;
    expect(post.key).toBe(`${ORDER}/actions`);
    expect(post.headers.get('If-Match')).toBe('"2"');
    expect(post.body).toEqual({ action: 'propose_settlement', remedy: 'refund', amount_fen: 128000, terms: '3 个工作日内原路退款' });
    await waitFor(() => expect(loads).toBe(2));
    const proposal = await screen.findByTestId('odr-proposal');
    expect(proposal.textContent).toContain('¥1,280.00');
    expect(within(proposal).getByTestId('odr-proposal-status').textContent).toBe('等待消费者确认');
  });

  it('lets a repair go without an amount (sent as null)', async () => {
    const { user, requests } = page({
      [ORDER]: { body: order() },
      [`POST ${ORDER}/actions`]: { body: { id: 12, version: 3 } },
    });
    const dialog = await openProposalForm(user);
    await pickRemedy(user, dialog, '维修');
    await user.click(within(dialog).getByLabelText('和解条款'));
    await user.paste('免费维修并延保一年');
    await user.click(within(dialog).getByRole('button', { name: /确\s*认/ }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    expect(requests.find((r) => r.method === 'POST')!.body).toEqual({
      action: 'propose_settlement',
      remedy: 'repair',
      amount_fen: null,
      terms: '免费维修并延保一年',
    });
  });

  it('shows bureau staff the ODR block of an ended order with its outcome, next to the filer', async () => {
    page(
      {
        [ORDER]: {
          body: order({
            view: 'staff',
            state: 'received',
            available_actions: ['accept'],
            filer: { anonymous: false, user_id: 42, display_name: '张三', phone: '138****8000' },
            odr: odr({
              outcome: 'rejected',
              first_answer_at: '2026-11-22T03:00:00Z',
              proposal: { remedy: 'replacement', amount_fen: null, terms: '换新', proposed_at: '2026-11-22T03:00:00Z', status: 'rejected' },
            }),
          }),
        },
      },
      handler,
    );
    const block = await screen.findByTestId('odr-block');
    expect(within(block).getByTestId('odr-outcome').textContent).toBe('消费者拒绝，转回市场监管部门');
    expect(within(block).getByTestId('odr-proposal-status').textContent).toBe('消费者已拒绝');
    expect(block.textContent).toContain('换货');
    expect(within(block).queryByRole('link', { name: '查看企业统计' })).toBeNull();
    expect(screen.getByTestId('order-filer').textContent).toContain('138****8000');
  });
});
