import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setMe } from '@/lib/auth';
import { mockFetch, problem, type MockRoutes } from '@/testing/fetch-mock';
import { handler } from '@/testing/me-data';
import { createTestQueryClient, renderWithProviders } from '@/testing/render';
import { apiFilters, readFilters, writeFilters } from '../api/inbox';
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

function page(routes: MockRoutes, path = '/orders') {
  const server = mockFetch({ '/api/v1/organisations/3207': { body: nanshan }, ...routes });
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

    await user.click(screen.getByLabelText('工单编号'));
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
});
