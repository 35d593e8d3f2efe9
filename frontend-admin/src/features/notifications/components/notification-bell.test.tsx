import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setMe } from '@/lib/auth';
import { mockFetch } from '@/testing/fetch-mock';
import { handler } from '@/testing/me-data';
import { createTestQueryClient, renderWithProviders } from '@/testing/render';
import { NotificationBell } from './notification-bell';

function signedIn() {
  const queryClient = createTestQueryClient();
  setMe(queryClient, handler);
  return queryClient;
}

const accepted = {
  id: 12,
  kind: 'order_accepted',
  order_id: 501,
  title: '投诉已受理',
  body: '您的诉求（编号 WQ2026113000001）已受理，承办单位将组织调解或处理。',
  created_at: '2026-11-30T02:00:00Z',
  read_at: null as string | null,
};
const older = { ...accepted, id: 11, kind: 'order_received', title: '诉求已登记', read_at: '2026-11-30T01:00:00Z' };

describe('NotificationBell', () => {
  it('shows the unread count, lists the notifications and marks one read', async () => {
    let items = [accepted, older];
    const unread = () => items.filter((i) => !i.read_at).length;
    const { calls, requests } = mockFetch({
      '/api/v1/notifications/unread-count': () => ({ body: { unread: unread() } }),
      '/api/v1/notifications?limit=20': () => ({ body: { items, unread: unread() } }),
      'POST /api/v1/notifications/read': ({ body }) => {
        const ids = (body as { ids: number[] }).ids;
        items = items.map((i) => (ids.includes(i.id) ? { ...i, read_at: '2026-11-30T03:00:00Z' } : i));
        return { status: 204 };
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<NotificationBell />, { queryClient: signedIn() });

    const bell = await screen.findByRole('button', { name: '消息通知，1 条未读' });
    await user.click(bell);
    const rows = await screen.findAllByTestId('notification');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.getAttribute('data-unread')).toBe('true');
    expect(rows[0]!.textContent).toContain('WQ2026113000001');
    expect(rows[1]!.getAttribute('data-unread')).toBe('false');
    // The page's language goes to the server, which renders the text.
    const list = requests.find((r) => r.key === '/api/v1/notifications?limit=20');
    expect(list?.headers.get('Accept-Language')).toBe('zh-CN');

    await user.click(within(rows[0]!).getByRole('button', { name: '将“投诉已受理”标为已读' }));
    await waitFor(() => expect(screen.getByRole('button', { name: '消息通知' })).toBeTruthy());
    expect(calls).toContain('POST /api/v1/notifications/read');
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ ids: [12] });
  }, 60_000);

  it('marks all read at once and shows an empty list', async () => {
    let items = [accepted, { ...accepted, id: 13 }];
    const unread = () => items.filter((i) => !i.read_at).length;
    const { requests } = mockFetch({
      '/api/v1/notifications/unread-count': () => ({ body: { unread: unread() } }),
      '/api/v1/notifications?limit=20': () => ({ body: { items, unread: unread() } }),
      'POST /api/v1/notifications/read': () => {
        items = items.map((i) => ({ ...i, read_at: '2026-11-30T03:00:00Z' }));
        return { status: 204 };
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<NotificationBell />, { queryClient: signedIn() });
    await user.click(await screen.findByRole('button', { name: '消息通知，2 条未读' }));
    await user.click(await screen.findByRole('button', { name: '全部标为已读' }));
    await waitFor(() => expect(screen.getByRole('button', { name: '消息通知' })).toBeTruthy());
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ all: true });
    expect(screen.getByRole('button', { name: '全部标为已读' }).hasAttribute('disabled')).toBe(true);
  }, 60_000);

  it('opening one marks it read, has the app reload its order and goes there', async () => {
    let items = [accepted];
    const unread = () => items.filter((i) => !i.read_at).length;
    const { requests } = mockFetch({
      '/api/v1/notifications/unread-count': () => ({ body: { unread: unread() } }),
      '/api/v1/notifications?limit=20': () => ({ body: { items, unread: unread() } }),
      'POST /api/v1/notifications/read': () => {
        items = items.map((i) => ({ ...i, read_at: '2026-11-30T03:00:00Z' }));
        return { status: 204 };
      },
    });
    const opened: number[] = [];
    const user = userEvent.setup();
    const { router } = renderWithProviders(<NotificationBell onOpenOrder={(id) => opened.push(id)} />, { queryClient: signedIn() });
    await user.click(await screen.findByRole('button', { name: '消息通知，1 条未读' }));
    await user.click(await screen.findByRole('button', { name: /^投诉已受理/ }));
    expect(opened).toEqual([501]);
    await waitFor(() => expect(router.state.location.pathname).toBe('/orders/501'));
    await waitFor(() => expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ ids: [12] }));
  }, 60_000);

  it('says so when there is nothing', async () => {
    mockFetch({
      '/api/v1/notifications/unread-count': { body: { unread: 0 } },
      '/api/v1/notifications?limit=20': { body: { items: [], unread: 0 } },
    });
    const user = userEvent.setup();
    renderWithProviders(<NotificationBell />, { queryClient: signedIn() });
    await user.click(await screen.findByRole('button', { name: '消息通知' }));
    expect(await screen.findByText('暂无消息')).toBeTruthy();
  });
});

