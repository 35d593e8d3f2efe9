// The consoles of issue 5: an enterprise's menu (企业工单, 企业统计) and an association's
// (委托调解), from me.capabilities and the user's unit.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { navigationFor } from '@/lib/access';
import { mockFetch } from '@/testing/fetch-mock';
import { readyBody } from '@/testing/health-data';
import { associationHandler, enterpriseHandler, handler, signedIn } from '@/testing/me-data';
import { renderRoutes } from '@/testing/render';
import { routes } from './router';

// The first test of a file loads antd and the routes: slow on a busy 2-core machine.
vi.setConfig({ testTimeout: 60_000 });

const health = { '/api/health/ready': { body: readyBody } };

async function menuItems() {
  const nav = await screen.findByRole('navigation', { name: '主导航' });
  await waitFor(() => expect(within(nav).getAllByRole('menuitem').length).toBeGreaterThan(1));
  return within(nav)
    .getAllByRole('menuitem')
    .map((item) => item.textContent);
}

describe('the ODR consoles', () => {
  it('an enterprise handler sees 企业工单 and 企业统计', async () => {
    expect(navigationFor(enterpriseHandler)).toEqual(['status', 'orders', 'odr-stats', 'sessions']);
    mockFetch({ ...health, '/api/v1/me': signedIn(enterpriseHandler) });
    renderRoutes(routes, { path: '/status' });
    expect(await menuItems()).toEqual(['系统状态', '企业工单', '企业统计', '登录设备']);
  });

  it('an association handler sees 委托调解 and no statistics', async () => {
    expect(navigationFor(associationHandler)).toEqual(['status', 'orders', 'sessions']);
    mockFetch({ ...health, '/api/v1/me': signedIn(associationHandler) });
    renderRoutes(routes, { path: '/status' });
    expect(await menuItems()).toEqual(['系统状态', '委托调解', '登录设备']);
  });

  it('without view_odr_stats the statistics page is a 403', async () => {
    mockFetch({ ...health, '/api/v1/me': signedIn(handler) });
    renderRoutes(routes, { path: '/odr-stats' });
    expect(await screen.findByRole('heading', { level: 1, name: '无权访问' })).toBeTruthy();
  });
});
