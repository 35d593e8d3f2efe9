import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setMe } from '@/lib/auth';
import { mockFetch, problem, type MockRoutes } from '@/testing/fetch-mock';
import { orgAdmin } from '@/testing/me-data';
import { createTestQueryClient, renderWithProviders } from '@/testing/render';
import { apiFilters, readFilters } from '../api/filters';
import { AuditPage } from './audit-page';

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

const entry = (id: number, action: string, extra: object = {}) => ({
  id,
  at: '2026-11-29T10:00:00Z',
  actor_kind: 'member',
  actor_user_id: 8,
  actor_org_id: 3207,
  action,
  outcome: 'success',
  ip: '10.0.0.8',
  user_agent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36',
  subject: 'user:7',
  detail: {},
  ...extra,
});

const AUDIT = '/api/v1/organisations/3207/audit';

function page(routes: MockRoutes, path = '/audit') {
  const server = mockFetch({ '/api/v1/organisations/3207': { body: nanshan }, ...routes });
  const queryClient = createTestQueryClient();
  setMe(queryClient, orgAdmin);
  const user = userEvent.setup();
  const rendered = renderWithProviders(<AuditPage />, { queryClient, path });
  return { ...server, ...rendered, user };
}

describe('audit filters in the address', () => {
  it('reads what the API supports and ignores malformed values', () => {
    const filters = readFilters(new URLSearchParams('action=sign_in&outcome=denied&user_id=7&from=2026-11-01&until=bad&org=-3'));
    expect(filters).toEqual({ action: 'sign_in', outcome: 'denied', user_id: 7, from: '2026-11-01', until: undefined, org: undefined });
  });

  it('turns whole days into an instant range, the end exclusive', () => {
    const api = apiFilters({ from: '2026-11-01', until: '2026-11-02' });
    expect(new Date(api.from!).getDate()).toBe(1);
    expect(new Date(api.until!).getDate()).toBe(3);
    expect(Date.parse(api.until!) - Date.parse(api.from!)).toBe(2 * 24 * 3600 * 1000);
  });
});

describe('AuditPage', () => {
  it('lists records with who, action, target, outcome, IP and client; details expand', async () => {
    const { user } = page({
      [`${AUDIT}?limit=50`]: {
        body: { items: [entry(2, 'role_changed', { detail: { roles: ['handler', 'reviewer'] } }), entry(1, 'sign_in_failed', { outcome: 'failure', actor_kind: 'anonymous', actor_user_id: null })], next: null },
      },
    });
    expect(await screen.findByRole('heading', { level: 1, name: '审计日志' })).toBeTruthy();
    const rows = await screen.findAllByTestId('audit-entry');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('工作人员 #8');
    expect(rows[0]!.textContent).toContain('修改角色');
    expect(rows[0]!.textContent).toContain('user:7');
    expect(rows[0]!.textContent).toContain('成功');
    expect(rows[0]!.textContent).toContain('10.0.0.8');
    expect(rows[0]!.textContent).toContain('Chrome · Linux');
    expect(rows[1]!.textContent).toContain('匿名访客');
    expect(rows[1]!.textContent).toContain('登录失败');
    expect(rows[1]!.textContent).toContain('失败');
    expect(screen.getByText(/已显示 2 条 · 已显示全部记录/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '加载更多' })).toBeNull();

    await user.click(within(rows[0]!).getByRole('button', { name: /展开/ }));
    const detail = await screen.findByTestId('audit-detail');
    expect(JSON.parse(detail.textContent ?? '')).toEqual({ roles: ['handler', 'reviewer'] });
  });

  it('sends the filters from the address, and 查询 writes new ones to it', async () => {
    const from = apiFilters({ from: '2026-11-01' }).from!;
    const { calls, router, user } = page(
      {
        [`${AUDIT}?action=user_disabled&from=${encodeURIComponent(from)}&limit=50`]: { body: { items: [entry(3, 'user_disabled')], next: null } },
        [`${AUDIT}?action=user_disabled&outcome=denied&from=${encodeURIComponent(from)}&limit=50`]: { body: { items: [], next: null } },
      },
      '/audit?action=user_disabled&from=2026-11-01',
    );
    expect(await screen.findAllByTestId('audit-entry')).toHaveLength(1);
    // The form shows what the address says.
    expect(screen.getByRole('form', { name: '筛选条件' }).textContent).toContain('停用成员');

    await user.click(screen.getByLabelText('结果'));
    await user.click(await screen.findByTitle('拒绝'));
    await user.click(screen.getByRole('button', { name: /查\s*询/ }));
    expect(await screen.findByText('没有符合条件的记录')).toBeTruthy();
    expect(router.state.location.search).toBe('?action=user_disabled&outcome=denied&from=2026-11-01');
    expect(calls.filter((c) => c.startsWith(AUDIT))).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: /重\s*置/ }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('names the actor by name and login, and searches by login and address', async () => {
    const { router, user } = page({
      [`${AUDIT}?limit=50`]: {
        body: { items: [entry(4, 'sign_in', { actor_name: '南山区办理人员', actor_login: 'nanshan.handler' })], next: null },
      },
      [`${AUDIT}?login=nanshan.handler&ip=10.0.0.8&limit=50`]: { body: { items: [], next: null } },
    });
    const rows = await screen.findAllByTestId('audit-entry');
    expect(rows[0]!.textContent).toContain('南山区办理人员（nanshan.handler）');
    await user.type(screen.getByLabelText('操作人账号'), 'nanshan.handler');
    await user.type(screen.getByLabelText('IP 地址'), '10.0.0.8');
    await user.click(screen.getByRole('button', { name: /查\s*询/ }));
    expect(await screen.findByText('没有符合条件的记录')).toBeTruthy();
    expect(router.state.location.search).toBe('?login=nanshan.handler&ip=10.0.0.8');
  });

  it('loads the next page with the previous page\u2019s next as after', async () => {
    const { user } = page({
      [`${AUDIT}?limit=50`]: { body: { items: [entry(5, 'sign_in')], next: 'cursor-1' } },
      [`${AUDIT}?after=cursor-1&limit=50`]: { body: { items: [entry(4, 'sign_out')], next: null } },
    });
    expect(await screen.findAllByTestId('audit-entry')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: /加载更多/ }));
    await waitFor(() => expect(screen.getAllByTestId('audit-entry')).toHaveLength(2));
    expect(screen.getAllByTestId('audit-entry')[1]!.textContent).toContain('退出登录');
    expect(screen.queryByRole('button', { name: /加载更多/ })).toBeNull();
  });

  it('shows the server\u2019s refusal of a bad filter', async () => {
    page(
      {
        [`${AUDIT}?action=nonsense&limit=50`]: problem(422, 'validation_failed', 'Invalid.', '提交的内容未通过校验。', {
          errors: [{ field: 'action', code: 'invalid', message: 'Unknown action.', message_zh: '未知的操作类型。' }],
        }),
      },
      '/audit?action=nonsense',
    );
    expect(await screen.findByText('无法加载审计日志')).toBeTruthy();
    expect(screen.getByText(/未知的操作类型。/)).toBeTruthy();
  });
});
