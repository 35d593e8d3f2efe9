// The inbox as an enterprise and an association see it (issue 5): their own unit only, no
// unit picker or bulk assignment; an enterprise also without the kind and 分派给我 filters,
// and with the working days left.
import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setMe, type Me } from '@/lib/auth';
import { mockFetch } from '@/testing/fetch-mock';
import { associationHandler, enterpriseHandler } from '@/testing/me-data';
import { createTestQueryClient, renderWithProviders } from '@/testing/render';
import { InboxPage } from './inbox-page';

// The first test of a file loads antd and the routes: slow on a busy 2-core machine.
vi.setConfig({ testTimeout: 60_000 });

const summary = (id: number, extra: object = {}) => ({
  id,
  number: `WQ2026112900001${id}`,
  kind: 'complaint',
  state: 'with_enterprise',
  received_on: '2026-11-20',
  due_on: '2026-12-04',
  due_provisional: false,
  overdue: false,
  holder_org_id: 3207,
  version: 1,
  created_at: '2026-11-20T02:00:00Z',
  ...extra,
});

const counts = { by_state: { received: 0, with_enterprise: 2, accepted: 0, mediating: 0, checking: 0 }, total: 2, overdue: 1 };

function page(me: Me, orgId: number, items: object[], path = '/orders') {
  const server = mockFetch({
    [`/api/v1/organisations/${orgId}/orders?limit=50`]: { body: { items, next: null } },
    [`/api/v1/organisations/${orgId}/orders/counts`]: { body: counts },
    '/api/v1/categories': { body: { subjects: [], problems: [] } },
  });
  const queryClient = createTestQueryClient();
  setMe(queryClient, me);
  renderWithProviders(<InboxPage />, { queryClient, path });
  return server;
}

describe('enterprise and association inboxes', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    // Monday 30 November 2026, 10:00 in Beijing.
    vi.setSystemTime(new Date('2026-11-30T02:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('shows an enterprise its complaints with the working days left or overdue, without staff-only controls', async () => {
    const { calls } = page(enterpriseHandler, 4001, [summary(1), summary(2, { due_on: '2026-11-27', overdue: true })], '/orders?org=3207&kind=report&assigned=true');
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('企业工单');
    const rows = await screen.findAllByTestId('order-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByTestId('odr-days-left').textContent).toBe('剩余 4 个工作日');
    expect(rows[1]!.textContent).toContain('已超期');
    expect(screen.queryByLabelText('单位')).toBeNull();
    expect(screen.queryByLabelText('类型')).toBeNull();
    expect(screen.queryByText('仅看分派给我的')).toBeNull();
    expect(screen.queryByRole('button', { name: /全选/ })).toBeNull();
    expect(screen.queryByRole('columnheader', { name: '被投诉（举报）人' })).toBeNull();
    // The address's unit and the hidden filters are not sent.
    expect(calls).toContain('/api/v1/organisations/4001/orders?limit=50');
  });

  it('shows an association the orders delegated to it', async () => {
    page(associationHandler, 4100, [summary(3, { state: 'mediating', due_on: '2027-01-19' })]);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('委托调解工单');
    expect(await screen.findAllByTestId('order-row')).toHaveLength(1);
    expect(screen.queryByLabelText('单位')).toBeNull();
    expect(screen.getByLabelText('类型')).toBeTruthy();
    expect(screen.queryByTestId('odr-days-left')).toBeNull();
  });
});
