// The pages compose the dialogue: the panel on a complaint's page (not on a report's), and
// the unread count on the rows of 我的诉求.
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { dialogue } from '@/testing/dialogue-data';
import { stubEventSource } from '@/testing/event-source';
import { mockFetch } from '@/testing/fetch-mock';
import { signedIn } from '@/testing/me-data';
import { order, summary } from '@/testing/orders-data';
import { renderRoutes, renderWithProviders } from '@/testing/render';
import { AppealRoute } from './appeal';
import { AppealsRoute } from './appeals';

describe('dialogue on the consumer pages', () => {
  it('shows the dialogue on a complaint in mediation, with the file button', async () => {
    stubEventSource();
    mockFetch({
      '/api/v1/me': signedIn(),
      '/api/v1/orders/7': { body: order({ state: 'mediating' }) },
      '/api/v1/orders/7/messages?limit=200': { body: dialogue() },
    });
    renderRoutes([{ path: '/appeals/:id', element: <AppealRoute /> }], { path: '/appeals/7' });
    expect(await screen.findByTestId('dialogue-panel')).toBeTruthy();
    expect(await screen.findByRole('button', { name: /添加附件/ })).toBeTruthy();
  }, 40_000);

  it('asks for no dialogue on a report', async () => {
    stubEventSource();
    const { calls } = mockFetch({
      '/api/v1/me': signedIn(),
      '/api/v1/orders/7': { body: order({ kind: 'report', state: 'checking' }) },
    });
    renderRoutes([{ path: '/appeals/:id', element: <AppealRoute /> }], { path: '/appeals/7' });
    await screen.findByTestId('order-timeline');
    expect(screen.queryByTestId('dialogue-panel')).toBeNull();
    expect(calls.some((c) => c.includes('/messages'))).toBe(false);
  }, 40_000);

  it('puts the unread count on the rows of 我的诉求', async () => {
    mockFetch({
      '/api/v1/me': signedIn(),
      '/api/v1/me/orders?limit=20': { body: { items: [summary(), summary({ id: 8, number: 'WQ20261129000008' })], next: null } },
      '/api/v1/dialogues/unread': { body: { total: 2, orders: [{ order_id: 7, unread: 2 }] } },
    });
    renderWithProviders(<AppealsRoute />, { path: '/appeals' });
    const badge = await screen.findByTestId('unread-badge');
    expect(badge.textContent).toContain('2 条未读消息');
    const [first, second] = screen.getAllByTestId('order-item');
    await waitFor(() => expect(first?.contains(badge)).toBe(true));
    expect(second?.querySelector('[data-testid="unread-badge"]')).toBeNull();
  }, 40_000);
});
