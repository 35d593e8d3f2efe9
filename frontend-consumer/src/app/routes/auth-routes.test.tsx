import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { divisionRoutes } from '@/testing/divisions-data';
import { mockFetch } from '@/testing/fetch-mock';
import { clearSession } from '@/lib/auth';
import { consumer, signedIn } from '@/testing/me-data';
import { renderRoutes } from '@/testing/render';
import { routes } from '../router';

describe('signing in and out through the app', () => {
  it('the header offers 登录 and 注册 to visitors, carrying where they were', async () => {
    mockFetch({});
    renderRoutes(routes, { path: '/some/page' });
    const account = await screen.findByRole('navigation', { name: '账户' });
    expect(within(account).getByRole('link', { name: '登录' }).getAttribute('href')).toBe('/login?next=%2Fsome%2Fpage');
    expect(within(account).getByRole('link', { name: '注册' }).getAttribute('href')).toBe('/register?next=%2Fsome%2Fpage');
  });

  it('a protected page sends a visitor to sign in and back after signing in', async () => {
    let me: typeof consumer | null = null;
    mockFetch({
      '/api/v1/me': () => (me ? signedIn(me) : { status: 401, body: { type: 'x', title: 'x', status: 401, code: 'unauthorized', detail: '', detail_zh: '' } }),
      '/api/v1/me/sessions': { body: { items: [] } },
      'POST /api/v1/sessions': () => {
        me = consumer;
        return { status: 201, body: { second_factor: 'not_required', me: consumer } };
      },
    });
    const user = userEvent.setup();
    const { router } = renderRoutes(routes, { path: '/me/sessions' });
    expect(await screen.findByRole('heading', { level: 1, name: '登录' })).toBeTruthy();
    expect(router.state.location.pathname + router.state.location.search).toBe('/login?next=%2Fme%2Fsessions');

    await user.type(screen.getByLabelText('手机号'), '13800138000');
    await user.type(screen.getByLabelText('密码'), 'Weiquan-demo-2026');
    await user.click(screen.getByRole('button', { name: /^登\s*录$/ }));
    expect(await screen.findByRole('heading', { level: 1, name: '登录设备' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/me/sessions');
  });

  it('signed in, the header shows the name with a menu that signs out', async () => {
    let me: typeof consumer | null = consumer;
    const { calls } = mockFetch({
      ...divisionRoutes,
      '/api/v1/me': () => (me ? signedIn(me) : { status: 401, body: { type: 'x', title: 'x', status: 401, code: 'unauthorized', detail: '', detail_zh: '' } }),
      'DELETE /api/v1/me/session': () => {
        me = null;
        return { status: 204 };
      },
    });
    const user = userEvent.setup();
    renderRoutes(routes, { path: '/' });
    await user.click(await screen.findByRole('button', { name: '张三 的账户菜单' }));
    expect(await screen.findByRole('menuitem', { name: '个人资料' })).toBeTruthy();
    expect(screen.getByRole('menuitem', { name: '登录设备' })).toBeTruthy();
    await user.click(screen.getByRole('menuitem', { name: '退出登录' }));
    expect(await screen.findByRole('link', { name: '登录' })).toBeTruthy();
    expect(calls).toContain('DELETE /api/v1/me/session');
  });

  it('signing out on purpose removes the unfinished appeal of that user; other data stays', async () => {
    let me: typeof consumer | null = consumer;
    mockFetch({
      ...divisionRoutes,
      '/api/v1/me': () => (me ? signedIn(me) : { status: 401, body: { type: 'x', title: 'x', status: 401, code: 'unauthorized', detail: '', detail_zh: '' } }),
      'DELETE /api/v1/me/session': () => {
        me = null;
        return { status: 204 };
      },
    });
    const draft = `weiquan.appealDraft.${consumer.user_id}`;
    const someoneElse = `weiquan.appealDraft.${consumer.user_id + 1}`;
    localStorage.setItem(draft, '{"values":{},"key":"k"}');
    localStorage.setItem(someoneElse, '{"values":{},"key":"k"}');
    localStorage.setItem('weiquan.language', 'zh-CN');
    const user = userEvent.setup();
    renderRoutes(routes, { path: '/' });
    await user.click(await screen.findByRole('button', { name: '张三 的账户菜单' }));
    await user.click(await screen.findByRole('menuitem', { name: '退出登录' }));
    expect(await screen.findByRole('link', { name: '登录' })).toBeTruthy();
    expect(localStorage.getItem(draft)).toBeNull();
    expect(localStorage.getItem(someoneElse)).not.toBeNull();
    expect(localStorage.getItem('weiquan.language')).toBe('zh-CN');
  });

  it('a session that expires keeps the draft (the same person signs in again)', async () => {
    mockFetch({ ...divisionRoutes, '/api/v1/me': signedIn() });
    const draft = `weiquan.appealDraft.${consumer.user_id}`;
    localStorage.setItem(draft, '{"values":{},"key":"k"}');
    const { queryClient } = renderRoutes(routes, { path: '/' });
    expect(await screen.findByRole('button', { name: '张三 的账户菜单' })).toBeTruthy();
    // What any request's 401 `unauthorized` does (lib/query-client).
    act(() => clearSession(queryClient));
    expect(await screen.findByRole('link', { name: '登录' })).toBeTruthy();
    expect(localStorage.getItem(draft)).not.toBeNull();
  });

  it('a signed-in visitor to /login goes on to next', async () => {
    mockFetch({ '/api/v1/me': signedIn() });
    const { router } = renderRoutes(routes, { path: '/login?next=%2Fme' });
    expect(await screen.findByRole('heading', { level: 1, name: '个人资料' })).toBeTruthy();
    await waitFor(() => expect(router.state.location.pathname).toBe('/me'));
  });

  it('a next parameter pointing off-site is ignored', async () => {
    mockFetch({ ...divisionRoutes, '/api/v1/me': signedIn() });
    const { router } = renderRoutes(routes, { path: '/login?next=%2F%2Fevil.example' });
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });

  it('the forgot-password page sends the person to sign in with a notice', async () => {
    mockFetch({
      'POST /api/v1/verification-codes': { status: 202, body: { expires_in_seconds: 600, resend_after_seconds: 60 } },
      'POST /api/v1/password-resets': { status: 204 },
    });
    const user = userEvent.setup();
    const { router } = renderRoutes(routes, { path: '/forgot-password' });
    await user.type(await screen.findByLabelText('手机号'), '13800138000');
    await user.click(screen.getByRole('button', { name: '获取验证码' }));
    await screen.findByText(/验证码已发送至 13800138000/);
    await user.type(screen.getByLabelText('短信验证码'), '654321');
    await user.type(screen.getByLabelText('新密码'), 'lantern river 8421');
    await user.click(screen.getByRole('button', { name: /重置密码/ }));
    expect((await screen.findByTestId('login-notice')).textContent).toContain('密码已重置，请使用新密码登录。');
    expect(router.state.location.pathname).toBe('/login');
  });
});
