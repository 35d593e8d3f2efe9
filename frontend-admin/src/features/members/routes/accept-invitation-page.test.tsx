import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { mockFetch, problem, type MockRoutes } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { AcceptInvitationPage, tokenFromHash } from './accept-invitation-page';

const preview = {
  organisation_name: '南山区市场监督管理局西丽所',
  username: 'xili.handler',
  display_name: '西丽办理人',
  expires_at: '2026-12-01T08:00:00Z',
};

function page(routes: MockRoutes, hash: string) {
  window.history.replaceState(null, '', `/admin/invitations/accept${hash}`);
  const server = mockFetch(routes);
  const user = userEvent.setup();
  renderWithProviders(<AcceptInvitationPage />, { path: '/invitations/accept' });
  return { ...server, user };
}

afterEach(() => window.history.replaceState(null, '', '/'));

describe('AcceptInvitationPage', () => {
  it('reads the token from the fragment', () => {
    expect(tokenFromHash('#token=abc_123')).toBe('abc_123');
    expect(tokenFromHash('#other=1')).toBeNull();
    expect(tokenFromHash('')).toBeNull();
  });

  it('says the link is invalid without asking the server when there is no token', async () => {
    const { calls } = page({}, '');
    expect(await screen.findByTestId('invitation-invalid')).toBeTruthy();
    expect(calls).toEqual([]);
  });

  it('says the link is invalid when the server does not know it', async () => {
    page({ 'POST /api/v1/invitations/inspect': problem(400, 'invitation_invalid', 'Invalid.', '邀请链接无效。') }, '#token=used');
    expect(await screen.findByTestId('invitation-invalid')).toBeTruthy();
    expect(screen.getByText(/已被使用或已过期/)).toBeTruthy();
  });

  it('shows whom it is for, checks the confirmation, and sends the token only in the body', async () => {
    const { requests, user } = page(
      {
        'POST /api/v1/invitations/inspect': { body: preview },
        'POST /api/v1/invitations/accept': { body: preview },
      },
      '#token=secret-token',
    );
    expect((await screen.findByTestId('invitation-preview')).textContent).toContain('南山区市场监督管理局西丽所');
    expect(screen.getByTestId('invitation-preview').textContent).toContain('xili.handler');
    await user.type(screen.getByLabelText('设置密码'), 'Lantern-harbour-2026');
    await user.type(screen.getByLabelText('确认密码'), 'Lantern-harbour-2027');
    await user.click(screen.getByRole('button', { name: /设置密码并激活账号/ }));
    expect(await screen.findByText('两次输入的密码不一致。')).toBeTruthy();
    await user.clear(screen.getByLabelText('确认密码'));
    await user.type(screen.getByLabelText('确认密码'), 'Lantern-harbour-2026');
    await user.click(screen.getByRole('button', { name: /设置密码并激活账号/ }));
    expect(await screen.findByTestId('invitation-accepted')).toBeTruthy();
    expect(requests.find((r) => r.key === '/api/v1/invitations/accept')?.body).toEqual({
      token: 'secret-token',
      password: 'Lantern-harbour-2026',
    });
    expect(requests.every((r) => !r.key.includes('secret-token'))).toBe(true);
  });

  it('puts the server\u2019s password rule under the password field', async () => {
    const { user } = page(
      {
        'POST /api/v1/invitations/inspect': { body: preview },
        'POST /api/v1/invitations/accept': problem(422, 'validation_failed', 'Invalid.', '提交的内容未通过校验。', {
          errors: [{ field: 'password', code: 'common', message: 'Too common.', message_zh: '密码过于常见。' }],
        }),
      },
      '#token=t',
    );
    await screen.findByTestId('invitation-preview');
    await user.type(screen.getByLabelText('设置密码'), 'password123');
    await user.type(screen.getByLabelText('确认密码'), 'password123');
    await user.click(screen.getByRole('button', { name: /设置密码并激活账号/ }));
    const error = await screen.findByText('密码过于常见。');
    await waitFor(() => expect(error.closest('.ant-form-item')?.textContent).toContain('设置密码'));
  });
});
