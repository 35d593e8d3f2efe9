import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setMe } from '@/lib/auth';
import { mockFetch, problem, type MockRoutes } from '@/testing/fetch-mock';
import { orgAdmin } from '@/testing/me-data';
import { createTestQueryClient, renderWithProviders } from '@/testing/render';
import { MembersPage } from './members-page';

const nanshan = {
  id: 3207,
  name: '深圳市南山区市场监督管理局',
  kind: 'bureau',
  bureau_level: 'county',
  division_code: '440305',
  status: 'active',
  has_children: false,
  parent_id: 3100,
  ancestors: [],
};

const invitation = (id: number, username: string, status: string, invited_by: number | null = 8) => ({
  id,
  organisation_id: 3207,
  organisation_name: nanshan.name,
  user_id: 100 + id,
  username,
  display_name: `姓名${id}`,
  email: `${username}@example.cn`,
  roles: ['handler'],
  status,
  expires_at: '2026-12-01T08:00:00Z',
  sent_count: 1,
  created_at: '2026-11-28T08:00:00Z',
  invited_by,
});

function page(routes: MockRoutes) {
  const server = mockFetch({ '/api/v1/organisations/3207': { body: nanshan }, ...routes });
  const queryClient = createTestQueryClient();
  setMe(queryClient, orgAdmin);
  const user = userEvent.setup();
  renderWithProviders(<MembersPage />, { queryClient, path: '/members?tab=invitations' });
  return { ...server, user };
}

describe('MembersPage invitations', () => {
  it('lists invitations with status, and offers resend and revoke only for open or expired ones', async () => {
    page({
      '/api/v1/organisations/3207/invitations': {
        body: { items: [invitation(1, 'a.open', 'open'), invitation(2, 'b.accepted', 'accepted'), invitation(3, 'c.platform', 'expired', null)] },
      },
    });
    const rows = await screen.findAllByTestId('invitation');
    expect(rows.map((r) => within(r).getByTestId('invitation-status').textContent)).toEqual(['待接受', '已接受', '已过期']);
    expect(within(rows[0]!).getByRole('button', { name: /重新发送/ })).toBeTruthy();
    expect(within(rows[1]!).queryByRole('button')).toBeNull();
    expect(rows[2]!.textContent).toContain('平台（入驻审批）');
  });

  it('invites with the chosen roles and puts a 409 username_taken message on the form', async () => {
    const { requests, user } = page({
      '/api/v1/organisations/3207/invitations': { body: { items: [] } },
      'POST /api/v1/organisations/3207/invitations': problem(409, 'username_taken', 'Taken.', '该用户名已被使用。'),
    });
    expect(await screen.findByText('该单位暂无邀请。')).toBeTruthy();
    await user.click(screen.getByTestId('invite-button'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('深圳市南山区市场监督管理局');
    await user.type(within(dialog).getByLabelText('用户名'), 'new.person');
    await user.type(within(dialog).getByLabelText('姓名'), '新同事');
    await user.type(within(dialog).getByLabelText('电子邮箱'), 'new.person@example.cn');
    await user.click(within(dialog).getByRole('checkbox', { name: '审核人员' }));
    await user.click(within(dialog).getByRole('button', { name: /发送邀请/ }));
    expect((await within(dialog).findByTestId('form-error')).textContent).toContain('该用户名已被使用。');
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      username: 'new.person',
      display_name: '新同事',
      email: 'new.person@example.cn',
      roles: ['handler', 'reviewer'],
      locale: 'zh-CN',
    });
  });

  it('shows a 422 under its field', async () => {
    const { user } = page({
      '/api/v1/organisations/3207/invitations': { body: { items: [] } },
      'POST /api/v1/organisations/3207/invitations': problem(422, 'validation_failed', 'Invalid.', '提交的内容未通过校验。', {
        errors: [{ field: 'email', code: 'email', message: 'Not an email.', message_zh: '邮箱格式不正确。' }],
      }),
    });
    await screen.findByText('该单位暂无邀请。');
    await user.click(screen.getByTestId('invite-button'));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('用户名'), 'new.person');
    await user.type(within(dialog).getByLabelText('姓名'), '新同事');
    await user.type(within(dialog).getByLabelText('电子邮箱'), 'a@b.cn');
    await user.click(within(dialog).getByRole('button', { name: /发送邀请/ }));
    const error = await within(dialog).findByText('邮箱格式不正确。');
    expect(error.closest('.ant-form-item')?.textContent).toContain('电子邮箱');
  });

  it('revokes after a confirmation and reloads', async () => {
    let items = [invitation(1, 'a.open', 'open')];
    const { calls, user } = page({
      '/api/v1/organisations/3207/invitations': () => ({ body: { items } }),
      'POST /api/v1/invitations/1/revoke': () => {
        items = [invitation(1, 'a.open', 'revoked')];
        return { body: items[0] };
      },
    });
    const row = (await screen.findAllByTestId('invitation'))[0]!;
    await user.click(within(row).getByRole('button', { name: /撤\s*销/ }));
    const confirm = await screen.findByRole('dialog');
    expect(confirm.textContent).toContain('撤销后链接立即失效');
    await user.click(within(confirm).getByRole('button', { name: /确\s*定/ }));
    await waitFor(() => expect(screen.getByTestId('invitation-status').textContent).toBe('已撤销'));
    expect(calls).toContain('POST /api/v1/invitations/1/revoke');
  });
});
