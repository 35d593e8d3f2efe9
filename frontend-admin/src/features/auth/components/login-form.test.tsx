import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockFetch } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { LoginForm } from './login-form';

describe('LoginForm', () => {
  it('asks for both fields before anything else', async () => {
    const user = userEvent.setup();
    renderWithProviders(<LoginForm />);
    await user.click(screen.getByRole('button', { name: /登\s*录/ }));
    expect(await screen.findByText('请输入用户名')).toBeTruthy();
    expect(screen.getByText('请输入密码')).toBeTruthy();
    expect(screen.queryByTestId('sign-in-unavailable')).toBeNull();
  });

  it('says sign-in is not available yet, sends nothing and clears the password', async () => {
    const { fetchMock } = mockFetch({});
    const user = userEvent.setup();
    renderWithProviders(<LoginForm />);

    await user.type(screen.getByLabelText('用户名'), 'zhangsan');
    await user.type(screen.getByLabelText('密码'), 'secret-123');
    await user.keyboard('{Enter}');

    const notice = await screen.findByTestId('sign-in-unavailable');
    expect(notice.textContent).toContain('登录暂未开放');
    expect(fetchMock).not.toHaveBeenCalled();
    expect((screen.getByLabelText('密码') as HTMLInputElement).value).toBe('');
  });
});
