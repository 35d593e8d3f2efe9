import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockFetch } from '@/testing/fetch-mock';
import { readyBody } from '@/testing/health-data';
import { renderRoutes } from '@/testing/render';
import { routes } from './router';

describe('admin routes', () => {
  it('sends the console root to the status page inside the shell', async () => {
    mockFetch({ '/api/health/ready': { body: readyBody } });
    const { router } = renderRoutes(routes, { path: '/' });
    await waitFor(() => expect(router.state.location.pathname).toBe('/status'));
    expect(await screen.findByRole('heading', { level: 1, name: '系统状态' })).toBeTruthy();
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: '主导航' })).toBeTruthy();
  });

  it('renders the login page without the shell', async () => {
    renderRoutes(routes, { path: '/login' });
    expect(await screen.findByRole('heading', { level: 1, name: '工作人员登录' })).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('shows not found for unknown pages', async () => {
    renderRoutes(routes, { path: '/no/such/page' });
    expect(await screen.findByRole('heading', { level: 1, name: '页面不存在' })).toBeTruthy();
  });
});
