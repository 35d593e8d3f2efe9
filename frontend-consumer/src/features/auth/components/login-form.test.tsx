import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { meQueryKey } from '@/lib/auth';
import { mockFetch } from '@/testing/fetch-mock';
import { consumer, invalidCredentials, tooManyRequests } from '@/testing/me-data';
import { renderWithProviders } from '@/testing/render';
import { LoginForm } from './login-form';

async function fillAndSubmit(phone: string, password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('手机号'), phone);
  await user.type(screen.getByLabelText('密码'), password);
  await user.click(screen.getByRole('button', { name: /登\s*录/ }));
  return user;
}

describe('LoginForm', () => {
  it('checks the phone number and password before sending anything', async () => {
    const { calls } = mockFetch({});
    const user = userEvent.setup();
    renderWithProviders(<LoginForm />);
    await user.click(screen.getByRole('button', { name: /登\s*录/ }));
    expect(await screen.findByText('请输入手机号')).toBeTruthy();
    expect(screen.getByText('请输入密码')).toBeTruthy();

    await user.type(screen.getByLabelText('手机号'), '1380013800');
    await user.click(screen.getByRole('button', { name: /登\s*录/ }));
    expect(await screen.findByText('请输入 11 位中国大陆手机号')).toBeTruthy();
    expect(calls.filter((c) => c.startsWith('POST'))).toEqual([]);
  });

  it('signs in as a consumer and records who is signed in', async () => {
    const { requests } = mockFetch({
      'POST /api/v1/sessions': { status: 201, body: { second_factor: 'not_required', me: consumer } },
    });
    const { queryClient } = renderWithProviders(<LoginForm />);
    await fillAndSubmit('13800138000', 'Weiquan-demo-2026');
    await waitFor(() => expect(queryClient.getQueryData(meQueryKey)).toEqual(consumer));
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      audience: 'consumer',
      login: '13800138000',
      password: 'Weiquan-demo-2026',
    });
  });

  it('shows the invalid-credentials message and clears the password', async () => {
    mockFetch({ 'POST /api/v1/sessions': invalidCredentials });
    renderWithProviders(<LoginForm />);
    await fillAndSubmit('13800138000', 'wrong-password');
    const alert = await screen.findByTestId('form-error');
    expect(alert.getAttribute('data-code')).toBe('invalid_credentials');
    expect(alert.textContent).toContain('手机号或密码错误。');
    expect((screen.getByLabelText('密码') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('手机号') as HTMLInputElement).value).toBe('13800138000');
  });

  it('after too many failures waits out Retry-After with the button disabled', async () => {
    mockFetch({ 'POST /api/v1/sessions': tooManyRequests(30) });
    renderWithProviders(<LoginForm />);
    await fillAndSubmit('13800138000', 'wrong-password');
    const alert = await screen.findByTestId('form-error');
    expect(alert.textContent).toContain('尝试次数过多，请稍后再试。');
    expect(alert.textContent).toMatch(/请在 (30|29) 秒后重试。/);
    const button = screen.getByRole('button', { name: /请等待 (30|29) 秒/ });
    expect((button as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the server\u2019s field messages under the fields', async () => {
    mockFetch({
      'POST /api/v1/sessions': {
        status: 422,
        body: {
          type: '/problems/validation_failed',
          title: 'Unprocessable Entity',
          status: 422,
          code: 'validation_failed',
          detail: 'Some fields are invalid.',
          detail_zh: '部分字段填写有误。',
          errors: [{ field: 'login', code: 'phone', message: 'Not a mobile number.', message_zh: '不是有效的手机号。' }],
        },
      },
    });
    renderWithProviders(<LoginForm />);
    await fillAndSubmit('13800138000', 'whatever-1234');
    expect(await screen.findByText('不是有效的手机号。')).toBeTruthy();
    expect(screen.queryByTestId('form-error')).toBeNull();
  });
});
