import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setMe } from '@/lib/auth';
import { mockFetch, problem, type MockRoutes } from '@/testing/fetch-mock';
import { handler } from '@/testing/me-data';
import { createTestQueryClient, renderWithProviders } from '@/testing/render';
import { SupervisionPage } from './supervision-page';

const supervisor = { ...handler, capabilities: [...handler.capabilities, 'supervise' as const] };

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

const row = (id: number, extra: object = {}) => ({
  id,
  number: `WQ2026112900000${id}`,
  kind: 'complaint',
  state: 'accepted',
  received_on: '2026-10-20',
  due_on: '2026-11-24',
  due_provisional: false,
  overdue: true,
  holder_org_id: 3300,
  holder_name: '蛇口市场监管所',
  business_name: '深圳市某商店',
  days_overdue: 5,
  version: 2,
  created_at: '2026-10-20T02:00:00Z',
  ...extra,
});

const LIST = '/api/v1/organisations/3207/supervision';

function page(routes: MockRoutes, path = '/supervision') {
  const server = mockFetch({ '/api/v1/organisations/3207': { body: nanshan }, ...routes });
  const queryClient = createTestQueryClient();
  setMe(queryClient, supervisor);
  const user = userEvent.setup();
  const rendered = renderWithProviders(<SupervisionPage />, { queryClient, path });
  return { ...server, ...rendered, user };
}

describe('SupervisionPage', () => {
  it('lists the overdue orders with holder, days overdue and when they were escalated, then the next page', async () => {
    const { user, calls } = page({
      [`${LIST}?limit=50`]: {
        body: { items: [row(1, { escalated_at: '2026-11-25T01:00:00Z' })], next: '2026-11-24_1' },
      },
      [`${LIST}?limit=50&after=2026-11-24_1`]: {
        body: { items: [row(2, { days_overdue: 2, due_on: '2026-11-27', holder_name: '深圳市南山区市场监督管理局' })], next: null },
      },
    });
    expect(await screen.findByRole('heading', { level: 1, name: '督办' })).toBeTruthy();
    const [first] = (await screen.findAllByTestId('supervised-row')) as [HTMLElement];
    expect(within(first).getByRole('link', { name: 'WQ20261129000001' }).getAttribute('href')).toBe('/orders/1');
    expect(first.textContent).toContain('蛇口市场监管所');
    expect(first.textContent).toContain('深圳市某商店');
    expect(within(first).getByTestId('days-overdue').textContent).toBe('5 天');
    expect(first.textContent).toContain('已超期');
    expect(first.textContent).not.toContain('尚未列入');
    await user.click(screen.getByRole('button', { name: /加载更多/ }));
    await waitFor(() => expect(screen.getAllByTestId('supervised-row')).toHaveLength(2));
    expect(calls).toContain(`${LIST}?limit=50&after=2026-11-24_1`);
    const second = screen.getAllByTestId('supervised-row')[1] as HTMLElement;
    expect(second.textContent).toContain('尚未列入');
    expect(screen.queryByRole('button', { name: /加载更多/ })).toBeNull();
  });

  it('reads the unit from the address', async () => {
    const { calls } = page(
      {
        '/api/v1/organisations/3300': { body: { ...nanshan, id: 3300, name: '蛇口市场监管所', kind: 'station', parent_id: 3207 } },
        '/api/v1/organisations/3300/supervision?limit=50': { body: { items: [], next: null } },
      },
      '/supervision?org=3300',
    );
    expect(await screen.findByText('没有超期工单。')).toBeTruthy();
    expect(calls).toContain('/api/v1/organisations/3300/supervision?limit=50');
  });

  it('shows the error with a retry', async () => {
    page({ [`${LIST}?limit=50`]: problem(403, 'forbidden', 'Not allowed.', '无权执行此操作。') });
    expect(await screen.findByText('督办列表加载失败')).toBeTruthy();
    expect(screen.getByRole('button', { name: /重\s*试/ })).toBeTruthy();
  });
});
