import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockFetch, problem, type MockRoutes } from '@/testing/fetch-mock';
import { signedIn } from '@/testing/me-data';
import { summary } from '@/testing/orders-data';
import { renderWithProviders } from '@/testing/render';
import { AppealsRoute } from './appeals';

const FIRST = '/api/v1/me/orders?limit=20';

function list(routes: MockRoutes) {
  const server = mockFetch({ '/api/v1/me': signedIn(), ...routes });
  const user = userEvent.setup();
  const view = renderWithProviders(<AppealsRoute />, { path: '/appeals' });
  return { ...server, ...view, user };
}

describe('/appeals', () => {
  it('lists number, kind, state in words, due date with its marks, received date; loads more', async () => {
    const { calls, user } = list({
      [FIRST]: {
        body: {
          items: [
            summary(),
            summary({ id: 8, number: 'WQ20261129000008', kind: 'report', state: 'checking', due_provisional: true, due_on: '2027-01-05' }),
          ],
          next: '1764403200000000_8',
        },
      },
      '/api/v1/me/orders?after=1764403200000000_8&limit=20': {
        body: { items: [summary({ id: 3, number: 'WQ20261120000003', state: 'concluded', overdue: true, due_on: '2026-11-25' })], next: null },
      },
    });
    const items = await screen.findAllByTestId('order-item');
    expect(items).toHaveLength(2);
    const [first, second] = items;
    if (!first || !second) throw new Error('two items');
    expect(within(first).getByRole('link').textContent).toBe('投诉 · WQ20261129000007');
    expect(within(first).getByRole('link').getAttribute('href')).toBe('/appeals/7');
    expect(within(first).getByTestId('order-state').textContent).toBe('已登记');
    expect(first.textContent).toContain('登记日期：2026-11-29');
    expect(within(first).getByTestId('due-date').textContent).toBe('2026-12-08');
    expect(within(second).getByTestId('order-state').textContent).toBe('核查中');
    expect(within(second).getByTestId('due-provisional').textContent).toContain('暂定');

    await user.click(screen.getByRole('button', { name: '加载更多' }));
    const third = (await screen.findAllByTestId('order-item'))[2];
    if (!third) throw new Error('a third item');
    expect(within(third).getByTestId('order-state').textContent).toBe('已办结');
    expect(within(third).getByTestId('due-overdue').textContent).toBe('已超期');
    expect(screen.queryByRole('button', { name: '加载更多' })).toBeNull();
    expect(calls).toContain('/api/v1/me/orders?after=1764403200000000_8&limit=20');
  });

  it('invites to file one when there are none', async () => {
    const { router, user } = list({ [FIRST]: { body: { items: [], next: null } } });
    expect(await screen.findByTestId('orders-empty')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /提交第一件诉求/ }));
    expect(router.state.location.pathname).toBe('/appeals/new');
  });

  it('shows the error with a retry', async () => {
    let fail = true;
    const { user } = list({
      [FIRST]: () => (fail ? problem(503, 'service_unavailable', 'Down.', '服务暂时不可用，请稍后重试。') : { body: { items: [summary()], next: null } }),
    });
    expect(await screen.findByText('无法加载您的诉求')).toBeTruthy();
    expect(screen.getByText('服务暂时不可用，请稍后重试。')).toBeTruthy();
    fail = false;
    await user.click(screen.getByRole('button', { name: /重\s*试/ }));
    expect(await screen.findAllByTestId('order-item')).toHaveLength(1);
  });
});
