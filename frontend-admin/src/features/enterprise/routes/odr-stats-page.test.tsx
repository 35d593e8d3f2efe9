import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { setMe, type Me } from '@/lib/auth';
import { mockFetch, problem, type MockRoutes } from '@/testing/fetch-mock';
import { handler } from '@/testing/me-data';
import { createTestQueryClient, renderRoutes } from '@/testing/render';
import { OdrStatsPage, readPeriod } from './odr-stats-page';

// The first test of a file loads antd and the routes: slow on a busy 2-core machine.
vi.setConfig({ testTimeout: 60_000 });

const enterpriseAdmin: Me = {
  ...handler,
  user_id: 30,
  display_name: '企业管理员',
  username: 'enterprise.admin',
  org: { id: 4001, name: '深圳维权演示科技有限公司', kind: 'enterprise', bureau_level: null, division_code: '440305' },
  roles: ['org_admin'],
  capabilities: ['view_orders', 'view_odr_stats' as Me['capabilities'][number]],
};

const STATS = '/api/v1/organisations/4001/odr-stats?from=2026-01-01&to=2026-11-30';

function page(routes: MockRoutes, me: Me, path = '/odr-stats?from=2026-01-01&to=2026-11-30') {
  const server = mockFetch(routes);
  const queryClient = createTestQueryClient();
  setMe(queryClient, me);
  renderRoutes([{ path: '/odr-stats', element: <OdrStatsPage /> }], { queryClient, path });
  return server;
}

describe('企业统计', () => {
  it('shows the enterprise its received, settled, settlement rate and average time to first answer', async () => {
    const { calls } = page(
      {
        [STATS]: {
          body: { from: '2026-01-01', to: '2026-11-30', received: 12, open: 2, settled: 6, rejected: 2, expired: 1, recalled: 1, withdrawn: 0, settlement_rate: 0.6, avg_first_answer_hours: 20.25 },
        },
      },
      enterpriseAdmin,
    );
    const stats = await screen.findByTestId('odr-stats');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('企业统计');
    expect(screen.getByTestId('stats-enterprise').textContent).toBe('深圳维权演示科技有限公司');
    expect(within(stats).getByTestId('stat-received').textContent).toContain('收到投诉12');
    expect(within(stats).getByTestId('stat-settled').textContent).toContain('和解成功6');
    expect(within(stats).getByTestId('stat-rate').textContent).toContain('60%');
    expect(within(stats).getByTestId('stat-first').textContent).toContain('20.3 小时');
    expect(within(stats).getByTestId('stat-expired').textContent).toContain('1');
    expect(screen.queryByTestId('stats-empty')).toBeNull();
    expect(calls).toContain(STATS);
  });

  it('says when nothing was received, with no rate or time yet', async () => {
    page(
      {
        [STATS]: {
          body: { from: '2026-01-01', to: '2026-11-30', received: 0, open: 0, settled: 0, rejected: 0, expired: 0, recalled: 0, withdrawn: 0, settlement_rate: null, avg_first_answer_hours: null },
        },
      },
      enterpriseAdmin,
    );
    expect((await screen.findByTestId('stats-empty')).textContent).toContain('该期间没有收到投诉。');
    expect(screen.getByTestId('stat-rate').textContent).toContain('暂无');
    expect(screen.getByTestId('stat-first').textContent).toContain('暂无');
  });

  it('shows the error with a retry when the statistics fail to load', async () => {
    page({ [STATS]: problem(503, 'service_unavailable', 'Unavailable.', '服务暂时不可用。') }, enterpriseAdmin);
    expect((await screen.findByText('统计数据加载失败')).closest('[role="alert"]')).toBeTruthy();
    expect(screen.getByRole('button', { name: /重\s*试/ })).toBeTruthy();
  });

  it('asks bureau staff to pick an enterprise first', async () => {
    page(
      {
        '/api/v1/organisations/3207': {
          body: { id: 3207, name: '深圳市南山区市场监督管理局', kind: 'bureau', status: 'active', has_children: true, ancestors: [] },
        },
      },
      { ...handler, capabilities: ['view_orders', 'view_odr_stats' as Me['capabilities'][number]] },
    );
    expect((await screen.findByTestId('stats-pick')).textContent).toContain('请选择一家企业');
  });

  it('reads the period from the address, this year so far by default, swapped when reversed', () => {
    expect(readPeriod(new URLSearchParams(''), '2026-11-30')).toEqual({ from: '2026-01-01', to: '2026-11-30' });
    expect(readPeriod(new URLSearchParams('from=2026-06-01&to=2026-03-01'), '2026-11-30')).toEqual({
      from: '2026-03-01',
      to: '2026-06-01',
    });
    expect(readPeriod(new URLSearchParams('from=x&to=2026-02-01'), '2026-11-30')).toEqual({ from: '2026-01-01', to: '2026-02-01' });
  });
});
