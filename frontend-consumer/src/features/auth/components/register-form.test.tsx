import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { meQueryKey } from '@/lib/auth';
import { mockFetch } from '@/testing/fetch-mock';
import { consumer, tooManyRequests, validationFailed } from '@/testing/me-data';
import { renderWithProviders } from '@/testing/render';
import { RegisterForm } from './register-form';

const codeSent = { status: 202, body: { expires_in_seconds: 600, resend_after_seconds: 60 } };

async function verifyPhone(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('手机号'), '13912345678');
  await user.click(screen.getByRole('button', { name: '获取验证码' }));
  await user.type(screen.getByLabelText('短信验证码'), '123456');
  await user.click(screen.getByRole('button', { name: /下一步/ }));
  await screen.findByLabelText('姓名或昵称');
}

describe('RegisterForm', () => {
  it('sends the code, says so and counts down before it may be sent again', async () => {
    const { requests } = mockFetch({ 'POST /api/v1/verification-codes': codeSent });
    const user = userEvent.setup();
    renderWithProviders(<RegisterForm />);

    await user.click(screen.getByRole('button', { name: '获取验证码' }));
    expect(await screen.findByText('请输入手机号')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'POST')).toEqual([]);

    await user.type(screen.getByLabelText('手机号'), '13912345678');
    await user.click(screen.getByRole('button', { name: '获取验证码' }));
    expect((await screen.findByTestId('code-sent')).textContent).toBe('验证码已发送至 13912345678，10 分钟内有效。');
    const resend = screen.getByRole('button', { name: /重新发送（(60|59) 秒）/ });
    expect((resend as HTMLButtonElement).disabled).toBe(true);
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ phone: '13912345678', purpose: 'register' });
  });

  it('a rate-limited code request counts down Retry-After on the button', async () => {
    mockFetch({ 'POST /api/v1/verification-codes': tooManyRequests(45) });
    const user = userEvent.setup();
    renderWithProviders(<RegisterForm />);
    await user.type(screen.getByLabelText('手机号'), '13912345678');
    await user.click(screen.getByRole('button', { name: '获取验证码' }));
    expect((await screen.findByTestId('form-error')).textContent).toContain('尝试次数过多');
    expect(screen.getByRole('button', { name: /重新发送（(45|44) 秒）/ })).toBeTruthy();
  });

  it('needs a six-digit code before the second step', async () => {
    mockFetch({});
    const user = userEvent.setup();
    renderWithProviders(<RegisterForm />);
    await user.type(screen.getByLabelText('手机号'), '13912345678');
    await user.type(screen.getByLabelText('短信验证码'), '12a3');
    expect((screen.getByLabelText('短信验证码') as HTMLInputElement).value).toBe('123');
    await user.click(screen.getByRole('button', { name: /下一步/ }));
    expect(await screen.findByText('验证码为 6 位数字')).toBeTruthy();
    expect(screen.queryByLabelText('姓名或昵称')).toBeNull();
  });

  it('shows a live length hint and asks only for length, not character classes', async () => {
    mockFetch({ 'POST /api/v1/verification-codes': codeSent });
    const user = userEvent.setup();
    renderWithProviders(<RegisterForm />);
    await verifyPhone(user);

    const hint = screen.getByTestId('password-length-hint');
    expect(hint.textContent).toBe('8–128 个字符，不限字符种类；已输入 0 个。');
    await user.type(screen.getByLabelText('密码'), '维权密码');
    expect(hint.textContent).toBe('8–128 个字符，不限字符种类；已输入 4 个。');
    await user.type(screen.getByLabelText('姓名或昵称'), '李四');
    await user.click(screen.getByRole('button', { name: /注\s*册/ }));
    expect(await screen.findByText('密码至少 8 个字符')).toBeTruthy();
  });

  it('registers with all four fields and records the new consumer as signed in', async () => {
    const me = { ...consumer, display_name: '李四' };
    const { requests } = mockFetch({
      'POST /api/v1/verification-codes': codeSent,
      'POST /api/v1/consumers': { status: 201, body: me },
    });
    const user = userEvent.setup();
    const { queryClient } = renderWithProviders(<RegisterForm />);
    await verifyPhone(user);
    await user.type(screen.getByLabelText('姓名或昵称'), ' 李四 ');
    await user.type(screen.getByLabelText('密码'), 'lantern river 8421');
    await user.click(screen.getByRole('button', { name: /注\s*册/ }));

    await waitFor(() => expect(queryClient.getQueryData(meQueryKey)).toEqual(me));
    expect(requests.find((r) => r.key === '/api/v1/consumers')?.body).toEqual({
      phone: '13912345678',
      code: '123456',
      display_name: '李四',
      password: 'lantern river 8421',
    });
  });

  it('a wrong code takes the person back to step 1 with the message under the code', async () => {
    mockFetch({
      'POST /api/v1/verification-codes': codeSent,
      'POST /api/v1/consumers': validationFailed([
        { field: 'code', code: 'invalid_code', message: 'Wrong or expired code.', message_zh: '验证码错误或已过期。' },
      ]),
    });
    const user = userEvent.setup();
    renderWithProviders(<RegisterForm />);
    await verifyPhone(user);
    await user.type(screen.getByLabelText('姓名或昵称'), '李四');
    await user.type(screen.getByLabelText('密码'), 'lantern river 8421');
    await user.click(screen.getByRole('button', { name: /注\s*册/ }));

    expect(await screen.findByText('验证码错误或已过期。')).toBeTruthy();
    expect(screen.getByLabelText('短信验证码')).toBeTruthy();
    expect(screen.queryByLabelText('姓名或昵称')).toBeNull();
    expect(screen.queryByTestId('form-error')).toBeNull();
  });

  it('a refused password is explained under the password field', async () => {
    mockFetch({
      'POST /api/v1/verification-codes': codeSent,
      'POST /api/v1/consumers': validationFailed([
        { field: 'password', code: 'common', message: 'This password is too common.', message_zh: '该密码过于常见，请换一个。' },
      ]),
    });
    const user = userEvent.setup();
    renderWithProviders(<RegisterForm />);
    await verifyPhone(user);
    await user.type(screen.getByLabelText('姓名或昵称'), '李四');
    await user.type(screen.getByLabelText('密码'), 'password123');
    await user.click(screen.getByRole('button', { name: /注\s*册/ }));

    const field = (await screen.findByText('该密码过于常见，请换一个。')).closest('.ant-form-item');
    expect(field && within(field as HTMLElement).getByLabelText('密码')).toBeTruthy();
  });
});
