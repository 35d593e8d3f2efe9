import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setMe } from '@/lib/auth';
import { mockFetch, problem, type MockRoutes } from '@/testing/fetch-mock';
import { orgAdmin } from '@/testing/me-data';
import { createTestQueryClient, renderWithProviders } from '@/testing/render';
import { ApiClientsPage } from './api-clients-page';

const enterpriseAdmin = {
  ...orgAdmin,
  org: { id: 9001, name: '深圳维权演示科技有限公司', kind: 'enterprise', bureau_level: null, division_code: '440305' },
  capabilities: ['view_org_tree', 'manage_members', 'manage_api_clients'] as typeof orgAdmin.capabilities,
};

const client = (id: number, name: string, status = 'active') => ({
  id,
  org_id: 9001,
  name,
  client_id: `wqc_${id}abc`,
  scopes: ['orders:read'],
  status,
  secret_generation: 1,
  created_at: '2026-11-01T08:00:00Z',
  created_by: 8,
  last_used_at: null,
  revoked_at: null,
  rotated_at: null,
});

function page(routes: MockRoutes) {
  const server = mockFetch(routes);
  const queryClient = createTestQueryClient();
  setMe(queryClient, enterpriseAdmin);
  const user = userEvent.setup();
  renderWithProviders(<ApiClientsPage />, { queryClient, path: '/api-clients' });
  return { ...server, user };
}

describe('ApiClientsPage', () => {
  it('lists the clients with scopes, status and last use, and explains how to get a token', async () => {
    page({ '/api/v1/organisations/9001/api-clients': { body: { items: [client(1, '订单系统对接'), client(2, '旧系统', 'revoked')] } } });
    const rows = await screen.findAllByTestId('api-client');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('wqc_1abc');
    expect(rows[0]!.textContent).toContain('读取工单');
    expect(rows[0]!.textContent).toContain('从未使用');
    expect(within(rows[0]!).getByRole('button', { name: /轮换密钥/ })).toBeTruthy();
    // A revoked client offers no actions.
    expect(within(rows[1]!).queryByRole('button')).toBeNull();
    expect(screen.getByTestId('token-help').textContent).toContain('/api/v1/oauth/token');
    expect(screen.getByTestId('token-help').textContent).toContain('grant_type=client_credentials');
  });

  it('shows the empty state', async () => {
    page({ '/api/v1/organisations/9001/api-clients': { body: { items: [] } } });
    expect(await screen.findByText('尚未注册接口客户端。')).toBeTruthy();
  });

  it('registers a client and shows the secret once, closable only after the acknowledgement', async () => {
    let items = [] as ReturnType<typeof client>[];
    const { requests, user } = page({
      '/api/v1/organisations/9001/api-clients': () => ({ body: { items } }),
      'POST /api/v1/organisations/9001/api-clients': ({ body }) => {
        items = [client(3, (body as { name: string }).name)];
        return { status: 201, body: { client: items[0], client_secret: 'wqs_top_secret_value' } };
      },
    });
    await screen.findByText('尚未注册接口客户端。');
    await user.click(screen.getByRole('button', { name: /注册客户端/ }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('名称'), '订单系统对接');
    await user.click(within(dialog).getByRole('checkbox', { name: /处理工单/ }));
    await user.click(within(dialog).getByRole('button', { name: /^注\s*册$/ }));
    expect((await screen.findByTestId('client-secret')).textContent).toContain('wqs_top_secret_value');
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.body).toEqual({ name: '订单系统对接', scopes: ['orders:read', 'orders:write'] });
    const close = screen.getByTestId('secret-close');
    expect((close as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: '我已妥善保存密钥' }));
    await user.click(close);
    expect(await screen.findAllByTestId('api-client')).toHaveLength(1);
  });

  it('puts the server\u2019s 422 under the name field', async () => {
    const { user } = page({
      '/api/v1/organisations/9001/api-clients': { body: { items: [] } },
      'POST /api/v1/organisations/9001/api-clients': problem(422, 'validation_failed', 'Invalid.', '提交的内容未通过校验。', {
        errors: [{ field: 'name', code: 'length', message: 'Too long.', message_zh: '名称过长。' }],
      }),
    });
    await screen.findByText('尚未注册接口客户端。');
    await user.click(screen.getByRole('button', { name: /注册客户端/ }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('名称'), 'x');
    await user.click(within(dialog).getByRole('button', { name: /^注\s*册$/ }));
    const error = await within(dialog).findByText('名称过长。');
    expect(error.closest('.ant-form-item')?.textContent).toContain('名称');
  });

  it('rotates after a confirmation and shows the new secret once', async () => {
    const { calls, user } = page({
      '/api/v1/organisations/9001/api-clients': { body: { items: [client(1, '订单系统对接')] } },
      'POST /api/v1/api-clients/1/rotate': { body: { client: client(1, '订单系统对接'), client_secret: 'wqs_rotated' } },
    });
    await user.click(within((await screen.findAllByTestId('api-client'))[0]!).getByRole('button', { name: /轮换密钥/ }));
    const confirm = await screen.findByRole('dialog');
    expect(confirm.textContent).toContain('旧密钥立即失效');
    await user.click(within(confirm).getByRole('button', { name: /确\s*定/ }));
    expect((await screen.findByTestId('client-secret')).textContent).toBe('wqs_rotated');
    expect(calls).toContain('POST /api/v1/api-clients/1/rotate');
  });

  it('revokes after a confirmation', async () => {
    let items = [client(1, '订单系统对接')];
    const { calls, user } = page({
      '/api/v1/organisations/9001/api-clients': () => ({ body: { items } }),
      'POST /api/v1/api-clients/1/revoke': () => {
        items = [client(1, '订单系统对接', 'revoked')];
        return { body: items[0] };
      },
    });
    await user.click(within((await screen.findAllByTestId('api-client'))[0]!).getByRole('button', { name: /吊\s*销/ }));
    const confirm = await screen.findByRole('dialog');
    await user.click(within(confirm).getByRole('button', { name: /确\s*定/ }));
    await waitFor(() => expect(screen.getByTestId('api-client-status').textContent).toBe('已吊销'));
    expect(calls).toContain('POST /api/v1/api-clients/1/revoke');
  });
});
