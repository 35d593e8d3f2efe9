import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockFetch } from '@/testing/fetch-mock';
import { readyBody } from '@/testing/health-data';
import { handler, orgAdmin, orgAdminPending, signedIn } from '@/testing/me-data';
import { renderRoutes } from '@/testing/render';
import { routes } from './router';

const health = { '/api/health/ready': { body: readyBody } };

async function menuItems() {
  const nav = await screen.findByRole('navigation', { name: '主导航' });
  await waitFor(() => expect(within(nav).getAllByRole('menuitem').length).toBeGreaterThan(0));
  return within(nav)
    .getAllByRole('menuitem')
    .map((item) => item.textContent);
}

describe('admin routes', () => {
  it('sends the console root to the status page inside the shell, without sign-in', async () => {
    mockFetch(health);
    const { router } = renderRoutes(routes, { path: '/' });
    await waitFor(() => expect(router.state.location.pathname).toBe('/status'));
    expect(await screen.findByRole('heading', { level: 1, name: '系统状态' })).toBeTruthy();
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(await menuItems()).toEqual(['系统状态']);
    expect(await screen.findByRole('button', { name: /登\s*录/ })).toBeTruthy();
  });

  it('renders the login page without the shell', async () => {
    mockFetch({});
    renderRoutes(routes, { path: '/login' });
    expect(await screen.findByRole('heading', { level: 1, name: '工作人员登录' })).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('shows not found for unknown pages', async () => {
    mockFetch({});
    renderRoutes(routes, { path: '/no/such/page' });
    expect(await screen.findByRole('heading', { level: 1, name: '页面不存在' })).toBeTruthy();
  });
});

describe('the menu and the guards follow me.capabilities', () => {
  it('an administrator sees 组织机构, 人员管理, 入驻审核, 审计日志 and 登录设备, and their name in the header', async () => {
    mockFetch({ ...health, '/api/v1/me': signedIn(orgAdmin) });
    renderRoutes(routes, { path: '/status' });
    expect(await menuItems()).toEqual(['系统状态', '组织机构', '人员管理', '入驻审核', '审计日志', '登录设备']);
    expect((await screen.findByTestId('signed-in-user')).textContent).toContain('南山区管理员');
    expect(screen.getByRole('button', { name: /退出登录/ })).toBeTruthy();
  });

  it('without view_org_tree there is no 组织机构 in the menu and its page is a 403', async () => {
    const noTree = { ...handler, capabilities: [] };
    mockFetch({ ...health, '/api/v1/me': signedIn(noTree) });
    const { router } = renderRoutes(routes, { path: '/organisations' });
    expect(await screen.findByRole('heading', { level: 1, name: '无权访问' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/organisations');
    expect(await menuItems()).toEqual(['系统状态', '登录设备']);
  });

  it('without manage_members or search_audit, 人员管理 and 审计日志 are 403 pages', async () => {
    mockFetch({ ...health, '/api/v1/me': signedIn(handler) });
    renderRoutes(routes, { path: '/members' });
    expect(await screen.findByRole('heading', { level: 1, name: '无权访问' })).toBeTruthy();
    expect(await menuItems()).toEqual(['系统状态', '工单', '组织机构', '登录设备']);
  });

  it('with supervise the menu has 督办; without it /supervision is a 403 page', async () => {
    mockFetch({ ...health, '/api/v1/me': signedIn({ ...handler, capabilities: ['view_org_tree', 'view_orders', 'supervise'] }) });
    renderRoutes(routes, { path: '/status' });
    expect(await menuItems()).toEqual(['系统状态', '工单', '督办', '组织机构', '登录设备']);
    mockFetch({ ...health, '/api/v1/me': signedIn(handler) });
    renderRoutes(routes, { path: '/supervision' });
    expect((await screen.findAllByRole('heading', { level: 1, name: '无权访问' })).length).toBeGreaterThan(0);
  });

  it('without review_applications or manage_api_clients, 入驻审核 and 接口客户端 are 403 pages', async () => {
    mockFetch({ ...health, '/api/v1/me': signedIn(handler) });
    renderRoutes(routes, { path: '/applications' });
    expect(await screen.findByRole('heading', { level: 1, name: '无权访问' })).toBeTruthy();
    mockFetch({ ...health, '/api/v1/me': signedIn(orgAdmin) });
    renderRoutes(routes, { path: '/api-clients' });
    expect((await screen.findAllByRole('heading', { level: 1, name: '无权访问' })).length).toBeGreaterThan(0);
  });

  it('the invitation page is public: a visitor without a token is told the link is invalid', async () => {
    mockFetch(health);
    const { router } = renderRoutes(routes, { path: '/invitations/accept' });
    expect(await screen.findByTestId('invitation-invalid')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/invitations/accept');
  });

  it('a visitor opening the audit log is sent to sign in with its filters kept in next', async () => {
    mockFetch(health);
    const { router } = renderRoutes(routes, { path: '/audit?action=user_disabled' });
    expect(await screen.findByRole('heading', { level: 1, name: '工作人员登录' })).toBeTruthy();
    expect(router.state.location.search).toBe('?next=%2Faudit%3Faction%3Duser_disabled');
  });

  it('a visitor opening a guarded page is sent to sign in with next', async () => {
    mockFetch(health);
    const { router } = renderRoutes(routes, { path: '/sessions' });
    expect(await screen.findByRole('heading', { level: 1, name: '工作人员登录' })).toBeTruthy();
    expect(router.state.location.pathname + router.state.location.search).toBe('/login?next=%2Fsessions');
  });

  it('a session still owing its second factor is sent back to finish it', async () => {
    mockFetch({ ...health, '/api/v1/me': signedIn(orgAdminPending) });
    renderRoutes(routes, { path: '/organisations' });
    expect(await screen.findByRole('heading', { level: 1, name: '两步验证' })).toBeTruthy();
  });

  it('signing out from the header forgets the user and opens the sign-in page', async () => {
    let me: typeof handler | null = handler;
    const { calls } = mockFetch({
      ...health,
      '/api/v1/me': () => (me ? signedIn(me) : { status: 401, body: { type: 'x', title: 'x', status: 401, code: 'unauthorized', detail: '', detail_zh: '' } }),
      'DELETE /api/v1/me/session': () => {
        me = null;
        return { status: 204 };
      },
      '/api/v1/me/sessions': { body: { items: [] } },
    });
    const user = userEvent.setup();
    const { router } = renderRoutes(routes, { path: '/sessions' });
    await screen.findByRole('heading', { level: 1, name: '登录设备' });
    await user.click(await screen.findByRole('button', { name: /退出登录/ }));
    expect(await screen.findByRole('heading', { level: 1, name: '工作人员登录' })).toBeTruthy();
    expect(calls).toContain('DELETE /api/v1/me/session');
    // Signed out on purpose: no "next" back to the page just left.
    expect(router.state.location.pathname + router.state.location.search).toBe('/login');
  });
});
