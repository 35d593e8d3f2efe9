import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CSRF_HEADER } from '@/lib/api-client';
import { meQueryKey, setMe } from '@/lib/auth';
import { mockFetch } from '@/testing/fetch-mock';
import { consumer, invalidCredentials, validationFailed } from '@/testing/me-data';
import { createTestQueryClient, renderWithProviders } from '@/testing/render';
import { ChangePasswordForm } from './change-password-form';
import { ProfileForm } from './profile-form';

function signedInClient() {
  const queryClient = createTestQueryClient();
  setMe(queryClient, consumer);
  return queryClient;
}

describe('ProfileForm', () => {
  it('saves the new name with the CSRF token and updates who is signed in', async () => {
    const renamed = { ...consumer, display_name: '张小三' };
    const { requests } = mockFetch({ 'PATCH /api/v1/me': { body: renamed } });
    const user = userEvent.setup();
    const { queryClient } = renderWithProviders(<ProfileForm me={consumer} />, { queryClient: signedInClient() });
    const name = screen.getByLabelText('姓名或昵称');
    await user.clear(name);
    await user.type(name, '张小三');
    await user.click(screen.getByRole('button', { name: /保\s*存/ }));

    expect((await screen.findByTestId('profile-saved')).textContent).toBe('已保存');
    expect(queryClient.getQueryData(meQueryKey)).toEqual(renamed);
    const patch = requests.find((r) => r.method === 'PATCH');
    expect(patch?.body).toEqual({ display_name: '张小三' });
    expect(patch?.headers.get(CSRF_HEADER)).toBe(consumer.csrf_token);
  });

  it('shows the server\u2019s message under the name', async () => {
    mockFetch({
      'PATCH /api/v1/me': validationFailed([
        { field: 'display_name', code: 'length', message: 'Too long.', message_zh: '姓名过长。' },
      ]),
    });
    const user = userEvent.setup();
    renderWithProviders(<ProfileForm me={consumer} />, { queryClient: signedInClient() });
    await user.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByText('姓名过长。')).toBeTruthy();
  });
});

describe('ChangePasswordForm', () => {
  it('a wrong current password (422 on current_password) is shown under that field', async () => {
    mockFetch({
      'PUT /api/v1/me/password': validationFailed([
        { field: 'current_password', code: 'wrong', message: 'The current password is wrong.', message_zh: '当前密码不正确。' },
      ]),
    });
    const onDone = vi.fn();
    const user = userEvent.setup();
    const { queryClient } = renderWithProviders(<ChangePasswordForm onDone={onDone} />, { queryClient: signedInClient() });
    await user.type(screen.getByLabelText('当前密码'), 'not-my-password');
    await user.type(screen.getByLabelText('新密码'), 'lantern river 8421');
    await user.click(screen.getByRole('button', { name: /修改密码/ }));

    const field = (await screen.findByText('当前密码不正确。')).closest('.ant-form-item') as HTMLElement;
    expect(within(field).getByLabelText('当前密码')).toBeTruthy();
    expect(screen.queryByTestId('form-error')).toBeNull();
    expect(onDone).not.toHaveBeenCalled();
    expect(queryClient.getQueryData(meQueryKey)).toEqual(consumer);
  });

  it('a 401 invalid_credentials for the current password is shown under that field too', async () => {
    mockFetch({ 'PUT /api/v1/me/password': invalidCredentials });
    const onDone = vi.fn();
    const user = userEvent.setup();
    const { queryClient } = renderWithProviders(<ChangePasswordForm onDone={onDone} />, { queryClient: signedInClient() });
    await user.type(screen.getByLabelText('当前密码'), 'not-my-password');
    await user.type(screen.getByLabelText('新密码'), 'lantern river 8421');
    await user.click(screen.getByRole('button', { name: /修改密码/ }));

    expect(await screen.findByText('手机号或密码错误。')).toBeTruthy();
    expect((screen.getByLabelText('当前密码') as HTMLInputElement).value).toBe('');
    expect(screen.queryByTestId('form-error')).toBeNull();
    expect(onDone).not.toHaveBeenCalled();
    // A wrong password is not the end of the session.
    expect(queryClient.getQueryData(meQueryKey)).toEqual(consumer);
  });

  it('after a change the session is over and the caller is told', async () => {
    const { requests } = mockFetch({ 'PUT /api/v1/me/password': { status: 204 } });
    const onDone = vi.fn();
    const user = userEvent.setup();
    const { queryClient } = renderWithProviders(<ChangePasswordForm onDone={onDone} />, { queryClient: signedInClient() });
    await user.type(screen.getByLabelText('当前密码'), 'Weiquan-demo-2026');
    await user.type(screen.getByLabelText('新密码'), 'lantern river 8421');
    await user.click(screen.getByRole('button', { name: /修改密码/ }));

    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(queryClient.getQueryData(meQueryKey)).toBeNull();
    expect(requests.find((r) => r.method === 'PUT')?.body).toEqual({
      current_password: 'Weiquan-demo-2026',
      new_password: 'lantern river 8421',
    });
  });
});
