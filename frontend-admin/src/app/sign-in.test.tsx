import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { routes } from './router';
import { meQueryKey } from '@/lib/auth';
import { mockFetch, type MockRoutes } from '@/testing/fetch-mock';
import { readyBody } from '@/testing/health-data';
import { handler, invalidCredentials, orgAdmin, orgAdminPending, signedIn, tooManyRequests, wrongCode } from '@/testing/me-data';
import { renderRoutes } from '@/testing/render';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const RECOVERY = Array.from({ length: 10 }, (_, i) => `abcdefgh${String(i).padStart(2, '0')}`);

/** The server as the sign-in page sees it; `me` follows what the steps did. */
function server(after: 'not_required' | 'required' | 'enrolment_required', extra: MockRoutes = {}) {
  let me: typeof handler | null = null;
  const full = after === 'not_required' ? handler : orgAdmin;
  return mockFetch({
    '/api/health/ready': { body: readyBody },
    '/api/v1/me': () => (me ? signedIn(me) : { status: 401, body: { type: 'x', title: 'x', status: 401, code: 'unauthorized', detail: '', detail_zh: '' } }),
    'POST /api/v1/sessions': () => {
      me = after === 'not_required' ? handler : orgAdminPending;
      return { status: 201, body: { second_factor: after, me } };
    },
    'POST /api/v1/me/session/second-factor': () => {
      me = full;
      return { body: full };
    },
    'POST /api/v1/me/totp': { body: { secret_base32: SECRET, otpauth_uri: `otpauth://totp/Weiquan:nanshan.admin?secret=${SECRET}&issuer=Weiquan` } },
    'POST /api/v1/me/totp/confirm': () => {
      me = full;
      return { body: { recovery_codes: RECOVERY, me: full } };
    },
    '/api/v1/organisations/3207': { body: { ...orgUnit, ancestors: [] } },
    ...extra,
  });
}

const orgUnit = {
  id: 3207,
  name: '深圳市南山区市场监督管理局',
  kind: 'bureau',
  bureau_level: 'county',
  division_code: '440305',
  status: 'active',
  has_children: false,
  parent_id: 3100,
};

async function signInWith(username: string, password = 'Weiquan-demo-2026') {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('用户名'), username);
  await user.type(screen.getByLabelText('密码'), password);
  await user.click(screen.getByRole('button', { name: /^登\s*录$/ }));
  return user;
}

afterEach(() => sessionStorage.clear());

describe('staff sign-in', () => {
  it('without a second factor goes straight to the page asked for', async () => {
    const { requests } = server('not_required');
    const { router } = renderRoutes(routes, { path: '/login?next=%2Forganisations' });
    await signInWith('nanshan.handler');
    expect(await screen.findByRole('heading', { level: 1, name: '组织机构' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/organisations');
    expect(requests.find((r) => r.key === '/api/v1/sessions')?.body).toEqual({
      audience: 'staff',
      login: 'nanshan.handler',
      password: 'Weiquan-demo-2026',
    });
  });

  it('a wrong password shows the invalid-credentials message', async () => {
    server('not_required', { 'POST /api/v1/sessions': invalidCredentials });
    renderRoutes(routes, { path: '/login' });
    await signInWith('nanshan.handler', 'wrong');
    const alert = await screen.findByTestId('form-error');
    expect(alert.getAttribute('data-code')).toBe('invalid_credentials');
    expect(alert.textContent).toContain('用户名或密码错误。');
    expect((screen.getByLabelText('密码') as HTMLInputElement).value).toBe('');
  });

  it('too many failures lock the form for Retry-After seconds', async () => {
    server('not_required', { 'POST /api/v1/sessions': tooManyRequests(120) });
    renderRoutes(routes, { path: '/login' });
    await signInWith('nanshan.handler', 'wrong');
    expect((await screen.findByTestId('form-error')).textContent).toMatch(/请在 1(20|19) 秒后重试/);
    expect((screen.getByRole('button', { name: /请等待/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('asks for the code when the account has an authenticator, and accepts a recovery code instead', async () => {
    const { requests } = server('required');
    const { router } = renderRoutes(routes, { path: '/login' });
    const user = await signInWith('nanshan.admin');
    expect(await screen.findByRole('heading', { level: 1, name: '两步验证' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: /^验\s*证$/ }));
    expect(await screen.findByText('请输入 6 位动态验证码')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: '使用恢复码' }));
    await user.type(screen.getByLabelText('恢复码'), ' abcd-efgh-01 ');
    await user.click(screen.getByRole('button', { name: /^验\s*证$/ }));
    expect(await screen.findByRole('heading', { level: 1, name: '系统状态' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/status');
    const second = requests.find((r) => r.key === '/api/v1/me/session/second-factor');
    expect(second?.body).toEqual({ recovery_code: 'abcd-efgh-01' });
    // The pending session's token, which the sign-in answer carried.
    expect(second?.headers.get('X-CSRF-Token')).toBe('csrf-pending');
  });

  it('a wrong code says so and lets the person try again', async () => {
    server('required', { 'POST /api/v1/me/session/second-factor': wrongCode });
    renderRoutes(routes, { path: '/login' });
    const user = await signInWith('nanshan.admin');
    await user.type(await screen.findByLabelText('动态验证码'), '123456');
    await user.click(screen.getByRole('button', { name: /^验\s*证$/ }));
    expect((await screen.findByTestId('form-error')).textContent).toContain('验证码错误。');
    expect((screen.getByLabelText('动态验证码') as HTMLInputElement).value).toBe('');
  });

  it('enrols an authenticator, shows the recovery codes once and continues only when saved', async () => {
    const { requests } = server('enrolment_required');
    const { router, queryClient } = renderRoutes(routes, { path: '/login?next=%2Forganisations' });
    const user = await signInWith('nanshan.admin');

    expect(await screen.findByRole('heading', { level: 1, name: '设置两步验证' })).toBeTruthy();
    expect((await screen.findByTestId('totp-secret')).textContent).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    expect(document.querySelector('.ant-qrcode svg')).toBeTruthy();

    await user.type(screen.getByLabelText('动态验证码'), '287082');
    await user.click(screen.getByRole('button', { name: /完成设置/ }));
    expect(await screen.findByRole('heading', { level: 1, name: '保存恢复码' })).toBeTruthy();
    // Signed in now, but the page stays until the codes are saved.
    expect(queryClient.getQueryData(meQueryKey)).toEqual(orgAdmin);
    expect(router.state.location.pathname).toBe('/login');

    const list = screen.getByTestId('recovery-codes');
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(
      RECOVERY.map((c) => `${c.slice(0, 4)}-${c.slice(4, 8)}-${c.slice(8)}`),
    );
    const proceed = screen.getByRole('button', { name: /继\s*续/ });
    expect((proceed as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: '我已妥善保存这些恢复码' }));
    await user.click(proceed);
    expect(await screen.findByRole('heading', { level: 1, name: '组织机构' })).toBeTruthy();
    expect(requests.find((r) => r.key === '/api/v1/me/totp/confirm')?.body).toEqual({ code: '287082' });
    expect(requests.filter((r) => r.key === '/api/v1/me/totp')).toHaveLength(1);
  });

  it('a reload between password and enrolment resumes at enrolment', async () => {
    sessionStorage.setItem('weiquan.admin.pendingSecondFactor', 'enrolment_required');
    server('enrolment_required', { '/api/v1/me': signedIn(orgAdminPending) });
    renderRoutes(routes, { path: '/login' });
    expect(await screen.findByRole('heading', { level: 1, name: '设置两步验证' })).toBeTruthy();
  });

  it('a signed-in user opening the sign-in page goes on', async () => {
    server('not_required', { '/api/v1/me': signedIn(handler) });
    const { router } = renderRoutes(routes, { path: '/login' });
    await waitFor(() => expect(router.state.location.pathname).toBe('/status'));
  });
});

describe('staff sign-in when the page guessed the wrong second-factor step', () => {
  it('a code step for an account without an authenticator (409) moves to enrolment', async () => {
    server('required', {
      'POST /api/v1/me/session/second-factor': {
        status: 409,
        body: { type: '/problems/conflict', title: 'Conflict', status: 409, code: 'conflict', detail: 'No authenticator enrolled.', detail_zh: '尚未设置身份验证器。' },
      },
    });
    renderRoutes(routes, { path: '/login' });
    const user = await signInWith('nanshan.admin');
    await user.type(await screen.findByLabelText('动态验证码'), '123456');
    await user.click(screen.getByRole('button', { name: /^验\s*证$/ }));
    expect(await screen.findByRole('heading', { level: 1, name: '设置两步验证' })).toBeTruthy();
  });
});
