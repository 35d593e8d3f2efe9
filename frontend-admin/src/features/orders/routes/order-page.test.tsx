import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ReactNode } from 'react';
import { setMe } from '@/lib/auth';
import { mockFetch, problem, type MockRoutes } from '@/testing/fetch-mock';
import { handler } from '@/testing/me-data';
import { createTestQueryClient, renderRoutes } from '@/testing/render';
import { OrderPage } from './order-page';

const order = (extra: object = {}) => ({
  id: 10,
  number: 'WQ20261129000010',
  kind: 'complaint',
  state: 'accepted',
  conclusion: null,
  rules: 'order121',
  received_on: '2026-11-20',
  due_on: '2027-01-19',
  due_provisional: true,
  overdue: false,
  deadlines: [
    { kind: 'mediation', due_on: '2027-01-19', provisional: true, stopped: false },
    { kind: 'clue_check', due_on: null, provisional: false, stopped: true },
  ],
  holder_org_id: 3207,
  holder_name: '深圳市南山区市场监督管理局',
  handler_id: 7,
  routing_rule: 'place_of_business',
  routing_intended: null,
  linked_order_id: null,
  rating: null,
  version: 3,
  view: 'staff',
  available_actions: ['record_consent', 'settle', 'terminate'],
  attachments: [],
  signals: [],
  escalated_at: null,
  appeal: {
    business_name: '深圳市某餐饮有限公司',
    business_division: '440305',
    item: '套餐',
    amount_fen: 128000,
    request: '退款',
    facts: '菜品变质，商家拒绝退款。',
  },
  filer: { anonymous: false, user_id: 42, display_name: '张三', phone: '138****8000' },
  timeline: [
    {
      seq: 1,
      at: '2026-11-20T02:00:00Z',
      action: 'received',
      from_state: null,
      to_state: 'received',
      actor_kind: 'consumer',
      actor_org_id: null,
      public: true,
      reason: null,
    },
    {
      seq: 2,
      at: '2026-11-21T03:00:00Z',
      action: 'accept',
      from_state: 'received',
      to_state: 'accepted',
      actor_kind: 'member',
      actor_org_id: 3207,
      public: true,
      reason: '符合受理条件',
    },
  ],
  ...extra,
});

const ORDER = '/api/v1/orders/10';

function page(routes: MockRoutes, extraRoutes: { path: string; element: ReactNode }[] = []) {
  const server = mockFetch({
    '/api/v1/organisations/3207': { body: { id: 3207, name: '深圳市南山区市场监督管理局', kind: 'bureau', status: 'active', has_children: true, ancestors: [] } },
    ...routes,
  });
  const queryClient = createTestQueryClient();
  setMe(queryClient, handler);
  const user = userEvent.setup();
  const rendered = renderRoutes([{ path: '/orders/:id', element: <OrderPage /> }, ...extraRoutes], {
    queryClient,
    path: '/orders/10',
  });
  return { ...server, ...rendered, user };
}

describe('OrderPage', () => {
  it('shows the facts, filer, deadlines, routing rule and every timeline event', async () => {
    page({ [ORDER]: { body: order() } });
    expect(await screen.findByRole('heading', { level: 1, name: '投诉 WQ20261129000010' })).toBeTruthy();
    const summary = screen.getByTestId('order-summary');
    expect(summary.textContent).toContain('已受理');
    expect(summary.textContent).toContain('经营者实际经营场所所在地');
    expect(summary.textContent).toContain('暂定');
    expect(screen.getByTestId('order-appeal').textContent).toContain('菜品变质，商家拒绝退款。');
    expect(screen.getByTestId('order-filer').textContent).toContain('138****8000');
    const deadlines = screen.getByTestId('order-deadlines');
    expect(deadlines.textContent).toContain('调解期限');
    expect(deadlines.textContent).toContain('中止（检测鉴定中）');
    const events = screen.getAllByTestId('timeline-event');
    expect(events.map((e) => e.getAttribute('data-action'))).toEqual(['received', 'accept']);
    expect(events[1]!.textContent).toContain('待受理');
    expect(events[1]!.textContent).toContain('符合受理条件');
    await waitFor(() => expect(events[1]!.textContent).toContain('深圳市南山区市场监督管理局'));
  });

  it('shows the evidence as download links, the categories by name, 督办 and the Art. 17 signals as hints only', async () => {
    page({
      [ORDER]: {
        body: order({
          escalated_at: '2026-11-28T01:00:00Z',
          attachments: [
            { id: 5, file_name: '发票.jpg', media_type: 'image/jpeg', size_bytes: 204800 },
            { id: 6, file_name: '合同.pdf', media_type: 'application/pdf', size_bytes: 900 },
          ],
          signals: [
            {
              kind: 'frequent_complainant',
              observed: 12,
              threshold: 10,
              text: '12 complaints by the same complainant within 30 days.',
              text_zh: '同一投诉人 30 日内投诉 12 件。',
            },
          ],
          appeal: {
            ...order().appeal,
            subject_category: {
              code: 'S0101',
              name_zh: '餐饮服务',
              name_en: 'Catering',
              active: true,
              group: { code: 'S01', name_zh: '生活服务', name_en: 'Living services' },
            },
            problem_type: { code: 'P03', name_zh: '食品安全', name_en: 'Food safety', active: false },
          },
        }),
      },
    });
    const files = await screen.findByTestId('order-attachments');
    const link = within(files).getByRole('link', { name: '下载 发票.jpg' });
    expect(link.getAttribute('href')).toBe('/api/v1/orders/10/attachments/5');
    expect(files.textContent).toContain('200 KB');
    expect(within(files).getByRole('link', { name: '下载 合同.pdf' }).getAttribute('href')).toBe('/api/v1/orders/10/attachments/6');
    const appeal = screen.getByTestId('order-appeal');
    expect(appeal.textContent).toContain('生活服务 › 餐饮服务');
    expect(appeal.textContent).toContain('食品安全');
    expect(appeal.textContent).toContain('已停用');
    expect(within(screen.getByTestId('order-summary')).getByTestId('escalated').textContent).toBe('督办');
    const signals = screen.getByRole('region', { name: /第十七条提示/ });
    expect(signals.textContent).toContain('提示，不作为决定依据');
    expect(within(signals).getAllByTestId('signal').map((s) => s.textContent)).toEqual(['同一投诉人 30 日内投诉 12 件。']);
  });

  it('shows no signals panel when the server sends none, and says when there is no evidence', async () => {
    page({ [ORDER]: { body: order() } });
    expect(await screen.findByText('没有证据材料。')).toBeTruthy();
    expect(screen.queryByTestId('order-signals')).toBeNull();
    expect(screen.queryByTestId('escalated')).toBeNull();
  });

  it('the panel shows exactly the actions the API lists, in its order', async () => {
    page({ [ORDER]: { body: order({ available_actions: ['accept', 'not_accept', 'assign_handler', 'transfer'] }) } });
    const panel = await screen.findByTestId('action-panel');
    const buttons = within(panel).getAllByRole('button');
    expect(buttons.map((b) => b.getAttribute('data-action'))).toEqual(['accept', 'not_accept', 'assign_handler', 'transfer']);
    expect(buttons.map((b) => b.textContent?.replace(/\s/g, ''))).toEqual(['受理', '不予受理', '指定承办人', '移送']);
  });

  it('says so when there is nothing the caller may do', async () => {
    page({ [ORDER]: { body: order({ available_actions: [] }) } });
    const panel = await screen.findByTestId('action-panel');
    expect(within(panel).queryAllByRole('button')).toHaveLength(0);
    expect(panel.textContent).toContain('您当前不能对此工单执行任何操作。');
  });

  it('settles with the amount in yuan as fen, sending the loaded version in If-Match', async () => {
    let loads = 0;
    const { user, requests } = page({
      [ORDER]: () => {
        loads += 1;
        return { body: loads === 1 ? order() : order({ version: 4, state: 'concluded', available_actions: [] }) };
      },
      [`POST ${ORDER}/actions`]: { body: { id: 10, version: 4 } },
    });
    const panel = await screen.findByTestId('action-panel');
    await user.click(within(panel).getByRole('button', { name: '调解成功' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByLabelText('挽回金额（元）'));
    await user.paste('1,280');
    await user.click(within(dialog).getByLabelText('说明（可选）'));
    await user.paste('双方达成协议');
    await user.click(within(dialog).getByRole('button', { name: /确\s*认/ }));

    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    const post = requests.find((r) => r.method === 'POST')!;
    expect(post.key).toBe(`${ORDER}/actions`);
    expect(post.headers.get('If-Match')).toBe('"3"');
    expect(post.body).toEqual({ action: 'settle', recovered_fen: 128000, reason: '双方达成协议' });
    await waitFor(() => expect(loads).toBe(2));
    expect(await screen.findByText('您当前不能对此工单执行任何操作。')).toBeTruthy();
  }, 40_000);

  it('records a consent as party and yes/no', async () => {
    const { user, requests } = page({
      [ORDER]: { body: order() },
      [`POST ${ORDER}/actions`]: { body: { id: 10, version: 4 } },
    });
    const panel = await screen.findByTestId('action-panel');
    await user.click(within(panel).getByRole('button', { name: '记录调解意愿' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: '被投诉人' }));
    await user.click(within(dialog).getByRole('radio', { name: '同意' }));
    await user.click(within(dialog).getByRole('button', { name: /确\s*认/ }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    expect(requests.find((r) => r.method === 'POST')!.body).toEqual({ action: 'record_consent', party: 'business', consents: true });
  }, 40_000);

  it('asks for the required fields before sending anything', async () => {
    const { user, requests } = page({ [ORDER]: { body: order() } });
    const panel = await screen.findByTestId('action-panel');
    await user.click(within(panel).getByRole('button', { name: '调解成功' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByLabelText('挽回金额（元）'));
    await user.paste('12.345');
    await user.click(within(dialog).getByRole('button', { name: /确\s*认/ }));
    expect(await within(dialog).findByText('请输入不小于 0 的金额，最多两位小数')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  }, 40_000);

  it('on 412 reloads the order and says it changed meanwhile', async () => {
    let loads = 0;
    const { user } = page({
      [ORDER]: () => {
        loads += 1;
        return { body: loads === 1 ? order() : order({ version: 5, available_actions: ['terminate'] }) };
      },
      [`POST ${ORDER}/actions`]: problem(412, 'precondition_failed', 'The order has changed.', '工单已被他人修改，请刷新后重试。'),
    });
    const panel = await screen.findByTestId('action-panel');
    await user.click(within(panel).getByRole('button', { name: '记录调解意愿' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: '投诉人' }));
    await user.click(within(dialog).getByRole('radio', { name: '同意' }));
    await user.click(within(dialog).getByRole('button', { name: /确\s*认/ }));

    expect(await screen.findByTestId('order-changed')).toBeTruthy();
    expect(screen.getByTestId('order-changed').textContent).toContain('工单已被他人修改，已重新加载');
    await waitFor(() => expect(loads).toBe(2));
    await waitFor(() =>
      expect(within(screen.getByTestId('action-panel')).getAllByRole('button').map((b) => b.getAttribute('data-action'))).toEqual([
        'terminate',
      ]),
    );
  }, 40_000);

  it('names the handler when the caller belongs to the holding unit', async () => {
    page({
      [ORDER]: { body: order({ handler_id: 9 }) },
      '/api/v1/organisations/3207/members': {
        body: {
          items: [
            { id: 7, display_name: '南山区办理人员', roles: ['handler'], status: 'active', username: 'nanshan.handler', manageable: false, totp_enabled: false },
            { id: 9, display_name: '李承办', roles: ['handler'], status: 'active', username: 'li', manageable: false, totp_enabled: false },
          ],
        },
      },
    });
    const handlerName = await screen.findByTestId('order-handler');
    await waitFor(() => expect(handlerName.textContent).toBe('李承办'));
  });

  it('after a transfer goes back to the inbox without loading the order it no longer holds', async () => {
    let loads = 0;
    const { user, requests, router } = page(
      {
        [ORDER]: () => {
          loads += 1;
          return { body: order({ state: 'received', handler_id: null, available_actions: ['accept', 'transfer'] }) };
        },
        [`${ORDER}/targets?action=transfer&limit=50`]: {
          body: { items: [{ id: 3208, name: '深圳市福田区市场监督管理局', kind: 'bureau', bureau_level: 'county', division_code: '440304' }] },
        },
        [`POST ${ORDER}/actions`]: { body: { id: 10, version: 4 } },
      },
      [{ path: '/orders', element: <p>inbox</p> }],
    );
    const panel = await screen.findByTestId('action-panel');
    await user.click(within(panel).getByRole('button', { name: /^移\s*送$/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('combobox', { name: '接收单位' }));
    await user.click(await screen.findByRole('option', { name: '深圳市福田区市场监督管理局（440304）' }));
    await user.click(within(dialog).getByRole('button', { name: /确\s*认/ }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/orders'));
    expect(requests.find((r) => r.method === 'POST')!.body).toEqual({ action: 'transfer', to_id: 3208 });
    expect(loads).toBe(1);
  }, 40_000);

  it('shows not found for an order outside the caller’s units', async () => {
    page({ [ORDER]: problem(404, 'not_found', 'The order was not found.', '该工单不存在。') });
    expect(await screen.findByText('工单不存在，或不在您的管辖范围内。')).toBeTruthy();
  });
});
