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
  has_children: true,
  parent_id: 3100,
  ancestors: [],
};
const station = { ...nanshan, id: 4001, name: '南山区蛇口市场监管所', kind: 'station', bureau_level: null, has_children: false, parent_id: 3207 };

const member = (
  id: number,
  display_name: string,
  username: string | null,
  roles: string[],
  status = 'active',
  totp_enabled = false,
  manageable = true,
) => ({
  id,
  display_name,
  username,
  roles,
  status,
  totp_enabled,
  manageable,
});

// One's own row: the API says it is not manageable.
const admin = member(8, '南山区管理员', 'nanshan.admin', ['org_admin'], 'active', true, false);
const handlerRow = member(7, '南山区办理人员', 'nanshan.handler', ['handler']);
const invited = member(11, '新同事', null, ['reviewer'], 'invited');

function page(routes: MockRoutes, path = '/members') {
  const server = mockFetch({ '/api/v1/organisations/3207': { body: nanshan }, ...routes });
  const queryClient = createTestQueryClient();
  setMe(queryClient, orgAdmin);
  const user = userEvent.setup();
  const rendered = renderWithProviders(<MembersPage />, { queryClient, path });
  return { ...server, ...rendered, user };
}

async function rowOf(login: string) {
  await waitFor(() => expect(screen.getAllByTestId('member').length).toBeGreaterThan(0));
  const row = screen.getAllByTestId('member').find((r) => r.getAttribute('data-login') === login);
  if (!row) throw new Error(`no row for ${login}`);
  return row;
}

describe('MembersPage', () => {
  it('lists the members of the user\u2019s own unit with roles, status and second factor', async () => {
    page({ '/api/v1/organisations/3207/members': { body: { items: [handlerRow, admin, invited] } } });
    expect(await screen.findByRole('heading', { level: 1, name: '人员管理' })).toBeTruthy();
    const rows = await screen.findAllByTestId('member');
    expect(rows).toHaveLength(3);
    const adminRow = await rowOf('nanshan.admin');
    expect(adminRow.textContent).toContain('南山区管理员');
    expect(within(adminRow).getByText('本人')).toBeTruthy();
    expect(within(adminRow).getByText('单位管理员')).toBeTruthy();
    expect(within(adminRow).getByText('已开启')).toBeTruthy();
    // One's own row offers no actions: the API says it is not manageable.
    expect(within(adminRow).queryByRole('button', { name: '停用 南山区管理员' })).toBeNull();
    const invitedRow = rows.find((r) => r.textContent?.includes('新同事'))!;
    expect(within(invitedRow).getByTestId('member-status').textContent).toBe('已邀请');
    expect(within(invitedRow).getByText('审核人员')).toBeTruthy();
    expect(invitedRow.textContent).toContain('未开启');
  });

  it('shows the members of the unit named in the address', async () => {
    const { calls } = page(
      {
        '/api/v1/organisations/4001': { body: { ...station, ancestors: [nanshan] } },
        '/api/v1/organisations/4001/members': { body: { items: [] } },
      },
      '/members?org=4001',
    );
    expect(await screen.findByText('该单位暂无人员')).toBeTruthy();
    expect(calls).toContain('/api/v1/organisations/4001/members');
    expect(calls).not.toContain('/api/v1/organisations/3207/members');
  });

  it('shows an error with a retry when the list cannot be loaded', async () => {
    let fail = true;
    page({
      '/api/v1/organisations/3207/members': () =>
        fail ? problem(503, 'service_unavailable', 'Down.', '依赖服务不可用。') : { body: { items: [handlerRow] } },
    });
    expect(await screen.findByText('无法加载人员列表')).toBeTruthy();
    expect(screen.getByText('依赖服务不可用。')).toBeTruthy();
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: /重\s*试/ }));
    expect(await screen.findAllByTestId('member')).toHaveLength(1);
  });

  it('changes roles with the CSRF token and reloads the list', async () => {
    let rows = [handlerRow, admin];
    const { requests, user } = page({
      '/api/v1/organisations/3207/members': () => ({ body: { items: rows } }),
      'PUT /api/v1/users/7/roles': ({ body }) => {
        rows = [{ ...handlerRow, roles: (body as { roles: string[] }).roles }, admin];
        return { status: 204 };
      },
    });
    await user.click(within(await rowOf('nanshan.handler')).getByRole('button', { name: '修改 南山区办理人员 的角色' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('所有设备上的登录将立即失效');
    expect((within(dialog).getByRole('checkbox', { name: '办理人员' }) as HTMLInputElement).checked).toBe(true);
    await user.click(within(dialog).getByRole('checkbox', { name: '审核人员' }));
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(within(screen.getAllByTestId('member')[0]!).queryByText('审核人员')).toBeTruthy());
    const put = requests.find((r) => r.method === 'PUT');
    expect(put?.body).toEqual({ roles: ['handler', 'reviewer'] });
    expect(put?.headers.get('X-CSRF-Token')).toBe('csrf-admin');
  });

  it('asks for at least one role before sending anything', async () => {
    const { calls, user } = page({ '/api/v1/organisations/3207/members': { body: { items: [handlerRow] } } });
    await user.click(within(await rowOf('nanshan.handler')).getByRole('button', { name: /修改.*角色/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('checkbox', { name: '办理人员' }));
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    expect(await within(dialog).findByText('请至少选择一个角色')).toBeTruthy();
    expect(calls.some((c) => c.startsWith('PUT'))).toBe(false);
  });

  it('shows the server\u2019s 422 under the roles field', async () => {
    const { user } = page({
      '/api/v1/organisations/3207/members': { body: { items: [handlerRow] } },
      'PUT /api/v1/users/7/roles': problem(422, 'validation_failed', 'Invalid.', '提交的内容未通过校验。', {
        errors: [{ field: 'roles', code: 'length', message: 'Give at least one role.', message_zh: '请至少指定一个角色。' }],
      }),
    });
    await user.click(within(await rowOf('nanshan.handler')).getByRole('button', { name: /修改.*角色/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    const fieldError = await within(dialog).findByText('请至少指定一个角色。');
    expect(fieldError.closest('.ant-form-item')?.textContent).toContain('角色');
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('disables after a confirmation that says the sessions end at once', async () => {
    let rows = [handlerRow];
    const { calls, requests, user } = page({
      '/api/v1/organisations/3207/members': () => ({ body: { items: rows } }),
      'POST /api/v1/users/7/disable': () => {
        rows = [{ ...handlerRow, status: 'disabled' }];
        return { status: 204 };
      },
      'POST /api/v1/users/7/enable': () => {
        rows = [handlerRow];
        return { status: 204 };
      },
    });
    await user.click(within(await rowOf('nanshan.handler')).getByRole('button', { name: '停用 南山区办理人员' }));
    const dialog = await screen.findByRole('dialog', { name: '停用 南山区办理人员？' });
    expect(dialog.textContent).toContain('登录会话将立即结束');
    await user.click(within(dialog).getByRole('button', { name: /^停\s*用$/ }));
    await waitFor(() => expect(screen.getByTestId('member-status').textContent).toBe('已停用'));
    expect(requests.find((r) => r.key === '/api/v1/users/7/disable')?.headers.get('X-CSRF-Token')).toBe('csrf-admin');

    await user.click(screen.getByRole('button', { name: '启用 南山区办理人员' }));
    const enable = await screen.findByRole('dialog', { name: '启用 南山区办理人员？' });
    await user.click(within(enable).getByRole('button', { name: /^启\s*用$/ }));
    await waitFor(() => expect(screen.getByTestId('member-status').textContent).toBe('正常'));
    expect(calls).toContain('POST /api/v1/users/7/enable');
  });

  it('offers no actions on a member the API says the caller may not manage (one\u2019s own row)', async () => {
    page({ '/api/v1/organisations/3207/members': { body: { items: [admin, handlerRow] } } });
    const own = await rowOf('nanshan.admin');
    expect(within(own).queryAllByRole('button')).toHaveLength(0);
    expect(within(own).getByTestId('member-no-actions')).toBeTruthy();
    expect(within(await rowOf('nanshan.handler')).getAllByRole('button')).toHaveLength(2);
  });

  it('shows the server\u2019s 403 in the dialog when it refuses after all', async () => {
    const { user } = page({
      '/api/v1/organisations/3207/members': { body: { items: [{ ...admin, manageable: true }] } },
      'POST /api/v1/users/8/disable': problem(403, 'forbidden', 'You cannot disable your own account.', '不能停用自己的账号。'),
    });
    await user.click(within(await rowOf('nanshan.admin')).getByRole('button', { name: '停用 南山区管理员' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: /^停\s*用$/ }));
    const error = await within(dialog).findByTestId('member-action-error');
    expect(error.textContent).toContain('不能停用自己的账号。');
    expect(screen.getByTestId('member-status').textContent).toBe('正常');
  });
});
