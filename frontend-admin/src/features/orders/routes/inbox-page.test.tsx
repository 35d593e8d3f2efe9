import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setMe } from '@/lib/auth';
import { mockFetch, problem, type MockRoutes } from '@/testing/fetch-mock';
import { handler } from '@/testing/me-data';
import { createTestQueryClient, renderWithProviders } from '@/testing/render';
import { apiFilters, countFilters, readFilters, writeFilters } from '../api/inbox';
import { InboxPage } from './inbox-page';

const nanshan = {
  id: 3207,
  name: '深圳市南山区市场监督管理局',
  kind: 'bureau',
  bureau_level: 'county',
  division_code: '440305',
  status: 'active',
  has_children: true,
  parent_id: 3100,
  ancestors: [],
};

const summary = (id: number, extra: object = {}) => ({
  id,
  number: `WQ2026112900000${id}`,
  kind: 'complaint',
  state: 'received',
  received_on: '2026-11-20',
  due_on: '2026-12-04',
  due_provisional: false,
  overdue: false,
  holder_org_id: 3207,
  version: 1,
  created_at: '2026-11-20T02:00:00Z',
  ...extra,
});

const INBOX = '/api/v1/organisations/3207/orders';
const COUNTS = '/api/v1/organisations/3207/orders/counts';

const counts = {
  by_state: { received: 5, with_enterprise: 0, accepted: 3, mediating: 1, checking: 0 },
  total: 9,
  overdue: 2,
};

const categories = {
  subjects: [
    {
      branch: 'goods',
      name_zh: '商品',
      name_en: 'Goods',
      groups: [
        {
          code: 'G01',
          name_zh: '家用电器',
          name_en: 'Household appliances',
          kind: 'subject',
          active: true,
          position: 1,
          children: [
            { code: 'G0101', name_zh: '空调', name_en: 'Air conditioners', kind: 'subject', active: true, position: 1, parent_code: 'G01' },
          ],
        },
      ],
    },
  ],
  problem_types: [],
};

function page(routes: MockRoutes, path = '/orders') {
  const server = mockFetch({
    '/api/v1/organisations/3207': { body: nanshan },
    [COUNTS]: { body: counts },
    '/api/v1/categories': { body: categories },
    ...routes,
  });
  const queryClient = createTestQueryClient();
  setMe(queryClient, handler);
  const user = userEvent.setup();
  const rendered = renderWithProviders(<InboxPage />, { queryClient, path });
  return { ...server, ...rendered, user };
}

describe('inbox filters in the address', () => {
  it('reads the filters the API has and drops unknown or malformed values', () => {
    const filters = readFilters(new URLSearchParams('state=mediating&overdue=true&q=%20WQ2026%20&org=12&foo=1'));
    expect(filters).toEqual({ org: 12, values: { state: 'mediating', q: 'WQ2026', overdue: 'true' } });
    expect(apiFilters(filters)).toEqual({ state: 'mediating', q: 'WQ2026', overdue: true });
    expect(readFilters(new URLSearchParams('state=lost&overdue=yes&org=-1'))).toEqual({ org: undefined, values: {} });
  });

  it('reads every filter of the API: several states, kind, category, dates, days, flags', () => {
    const filters = readFilters(
      new URLSearchParams(
        'state=received,accepted,lost,received&kind=report&category=G0101&received_from=2026-11-01&received_to=2026-11-30&due_within=7&assigned=true&q=空调',
      ),
    );
    expect(filters.values).toEqual({
      state: 'received,accepted',
      kind: 'report',
      category: 'G0101',
      received_from: '2026-11-01',
      received_to: '2026-11-30',
      due_within: '7',
      assigned: 'true',
      q: '空调',
    });
    expect(apiFilters(filters)).toEqual({
      state: 'received,accepted',
      kind: 'report',
      category: 'G0101',
      received_from: '2026-11-01',
      received_to: '2026-11-30',
      due_within: 7,
      assigned: 'me',
      q: '空调',
    });
    expect(countFilters(apiFilters(filters))).not.toHaveProperty('state');
    const bad = readFilters(
      new URLSearchParams('kind=x&category=G01%25&received_from=11/01/2026&due_within=999&assigned=me&state=lost'),
    );
    expect(bad.values).toEqual({});
  });

  it('writes back what it read', () => {
    const params = new URLSearchParams('org=12&state=accepted&q=WQ1&overdue=true');
    expect(writeFilters(readFilters(params)).toString()).toBe('org=12&state=accepted&q=WQ1&overdue=true');
  });
});

describe('InboxPage', () => {
  it('lists the orders with number, kind, state, holder, due date and received date', async () => {
    page({
      [`${INBOX}?limit=50`]: {
        body: {
          items: [
            summary(1, { overdue: true, due_on: '2026-11-25' }),
            summary(2, { kind: 'report', state: 'checking', due_provisional: true, due_on: '2027-01-08' }),
            summary(3, { kind: 'consultation', due_on: null }),
          ],
          next: null,
        },
      },
    });
    expect(await screen.findByRole('heading', { level: 1, name: '工单' })).toBeTruthy();
    const rows = await screen.findAllByTestId('order-row');
    expect(rows).toHaveLength(3);
    const [first, second, third] = rows as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(first).getByRole('link', { name: 'WQ20261129000001' }).getAttribute('href')).toBe('/orders/1');
    expect(first.textContent).toContain('投诉');
    expect(first.textContent).toContain('待受理');
    // Overdue: red, with an icon and the word, not colour alone.
    expect(within(first).getByTestId('overdue').textContent).toContain('已超期');
    expect(second.textContent).toContain('举报');
    expect(second.textContent).toContain('核查中');
    expect(within(second).getByTestId('provisional').textContent).toBe('暂定');
    expect(within(second).queryByTestId('overdue')).toBeNull();
    expect(third.textContent).toContain('无期限');
    await waitFor(() => expect(first.textContent).toContain('深圳市南山区市场监督管理局'));
    expect(screen.getByText(/已显示 3 条/).textContent).toContain('已全部显示');
  });

  it('sends the filters from the address and writes new ones to it', async () => {
    const { calls, user, router } = page(
      {
        [`${INBOX}?state=accepted&limit=50`]: { body: { items: [summary(4, { state: 'accepted' })], next: null } },
        [`${INBOX}?state=accepted&q=WQ2026&overdue=true&limit=50`]: { body: { items: [], next: null } },
      },
      '/orders?state=accepted',
    );
    expect(await screen.findAllByTestId('order-row')).toHaveLength(1);
    expect(calls).toContain(`${INBOX}?state=accepted&limit=50`);

    await user.click(screen.getByLabelText('关键词'));
    await user.paste('WQ2026');
    await user.click(screen.getByRole('checkbox', { name: '仅看已超期' }));
    await user.click(screen.getByRole('button', { name: /查\s*询/ }));

    await waitFor(() => expect(router.state.location.search).toBe('?state=accepted&q=WQ2026&overdue=true'));
    expect(await screen.findByText('没有符合条件的工单。')).toBeTruthy();
    expect(calls).toContain(`${INBOX}?state=accepted&q=WQ2026&overdue=true&limit=50`);

    await user.click(screen.getByRole('button', { name: /重\s*置/ }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  }, 40_000);

  it('fetches the next keyset page with the cursor the server gave', async () => {
    const { user, calls } = page({
      [`${INBOX}?limit=50`]: { body: { items: [summary(1)], next: '2026-12-04_1' } },
      [`${INBOX}?limit=50&after=2026-12-04_1`]: { body: { items: [summary(2)], next: null } },
    });
    expect(await screen.findAllByTestId('order-row')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: /加载更多/ }));
    await waitFor(() => expect(screen.getAllByTestId('order-row')).toHaveLength(2));
    expect(calls).toContain(`${INBOX}?limit=50&after=2026-12-04_1`);
    expect(screen.queryByRole('button', { name: /加载更多/ })).toBeNull();
  });

  it('shows the unit named in the address', async () => {
    const { calls } = page(
      {
        '/api/v1/organisations/3300': { body: { ...nanshan, id: 3300, name: '蛇口市场监管所', kind: 'station', parent_id: 3207 } },
        '/api/v1/organisations/3300/orders?limit=50': { body: { items: [], next: null } },
      },
      '/orders?org=3300',
    );
    expect(await screen.findByText('没有符合条件的工单。')).toBeTruthy();
    expect(calls).toContain('/api/v1/organisations/3300/orders?limit=50');
  });

  it('shows the error with a retry when the inbox cannot be loaded', async () => {
    page({ [`${INBOX}?limit=50`]: problem(503, 'service_unavailable', 'Down.', '服务暂时不可用。') });
    expect(await screen.findByText('工单列表加载失败')).toBeTruthy();
    expect(screen.getByRole('button', { name: /重\s*试/ })).toBeTruthy();
  });

  it('shows the open orders per state for the same filters and filters by a state when one is chosen', async () => {
    const { calls, user, router } = page(
      {
        [`${INBOX}?kind=report&limit=50`]: { body: { items: [], next: null } },
        [`${COUNTS}?kind=report`]: { body: counts },
        [`${INBOX}?state=accepted&kind=report&limit=50`]: { body: { items: [], next: null } },
      },
      '/orders?kind=report',
    );
    const group = await screen.findByRole('group', { name: '在办工单数量' });
    await waitFor(() => expect(within(group).getByTestId('count-accepted').textContent).toContain('3'));
    expect(within(group).getByRole('button', { name: /全部在办/ }).getAttribute('aria-pressed')).toBe('true');
    expect(within(group).getByTestId('count-overdue').textContent).toBe('其中已超期 2 件');
    expect(calls).toContain(`${COUNTS}?kind=report`);
    await user.click(within(group).getByTestId('count-accepted'));
    await waitFor(() => expect(router.state.location.search).toBe('?state=accepted&kind=report'));
    // The counts do not depend on the state: asked once.
    expect(calls.filter((c) => c.startsWith(COUNTS))).toHaveLength(1);
    expect(within(group).getByTestId('count-accepted').getAttribute('aria-pressed')).toBe('true');
  });

  it('says when the counts cannot be loaded, the list still shown', async () => {
    page({
      [COUNTS]: problem(503, 'service_unavailable', 'Down.', '服务暂时不可用。'),
      [`${INBOX}?limit=50`]: { body: { items: [summary(1)], next: null } },
    });
    expect(await screen.findByText('数量统计加载失败')).toBeTruthy();
    expect(await screen.findAllByTestId('order-row')).toHaveLength(1);
  });

  it('shows the business, the category by name, the holder from the row and 督办 for an escalated order', async () => {
    const { calls } = page({
      [`${INBOX}?limit=50`]: {
        body: {
          items: [
            summary(1, {
              business_name: '深圳市某电器有限公司',
              holder_name: '蛇口市场监管所',
              subject_category: 'G0101',
              escalated_at: '2026-11-28T01:00:00Z',
            }),
          ],
          next: null,
        },
      },
    });
    const [row] = (await screen.findAllByTestId('order-row')) as [HTMLElement];
    expect(row.textContent).toContain('深圳市某电器有限公司');
    expect(row.textContent).toContain('蛇口市场监管所');
    await waitFor(() => expect(row.textContent).toContain('空调'));
    expect(within(row).getByTestId('escalated').textContent).toBe('督办');
    // The holder's name came with the row: not looked up.
    expect(calls.filter((c) => c === '/api/v1/organisations/3207').length).toBeLessThanOrEqual(1);
  });

  it('assigns the selected orders in bulk and shows which succeeded and why the others failed', async () => {
    let inboxLoads = 0;
    const { user, requests } = page({
      [`${INBOX}?limit=50`]: () => {
        inboxLoads += 1;
        return { body: { items: [summary(1), summary(2, { version: 3 }), summary(3)], next: null } };
      },
      '/api/v1/organisations/3207/members': {
        body: {
          items: [
            { id: 41, display_name: '张办理', roles: ['handler'], status: 'active', username: 'zhang', manageable: false },
            { id: 42, display_name: '李审核', roles: ['reviewer'], status: 'active', username: 'li', manageable: false },
          ],
        },
      },
      '/api/v1/organisations/3207/children': { body: { items: [] } },
      'POST /api/v1/orders/bulk-actions': {
        body: {
          results: [
            { id: 1, ok: true, version: 2 },
            {
              id: 2,
              ok: false,
              problem: {
                type: '/problems/precondition_failed',
                title: 'Precondition Failed',
                status: 412,
                code: 'precondition_failed',
                detail: 'The order changed meanwhile.',
                detail_zh: '工单已被他人修改，请刷新后重试。',
              },
            },
          ],
        },
      },
    });
    const rows = await screen.findAllByTestId('order-row');
    expect(rows).toHaveLength(3);
    expect(screen.getByRole('button', { name: '批量分派' }).hasAttribute('disabled')).toBe(true);
    await user.click(screen.getByRole('button', { name: '全选已加载的工单' }));
    expect(screen.getByText('已选 3 件')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '取消选择' }));
    expect(screen.getByText('已选 0 件')).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: 'WQ20261129000001' }));
    await user.click(screen.getByRole('checkbox', { name: 'WQ20261129000002' }));
    expect(screen.getByText('已选 2 件')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '批量分派' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByLabelText('选择承办人'));
    await user.click(await screen.findByTitle('张办理'));
    expect(screen.queryByTitle('李审核')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: /分\s*派/ }));
    expect(await within(dialog).findByText('分派结果：成功 1 件，失败 1 件')).toBeTruthy();
    const results = within(dialog).getAllByTestId('bulk-result');
    expect(results[0]?.textContent).toContain('WQ20261129000001');
    expect(results[0]?.textContent).toContain('成功');
    expect(results[1]?.textContent).toContain('失败');
    expect(results[1]?.textContent).toContain('工单已被他人修改，请刷新后重试。');
    const sent = requests.find((r) => r.key === '/api/v1/orders/bulk-actions');
    expect(sent?.body).toEqual({
      action: 'assign_handler',
      handler_id: 41,
      orders: [
        { id: 1, version: 1 },
        { id: 2, version: 3 },
      ],
    });
    // The list reloads after the action.
    await waitFor(() => expect(inboxLoads).toBeGreaterThan(1));
    const closes = within(dialog).getAllByRole('button', { name: /关\s*闭/ });
    await user.click(closes[closes.length - 1] as HTMLElement);
    await waitFor(() => expect(screen.getByText('已选 0 件')).toBeTruthy());
  }, 40_000);
});
