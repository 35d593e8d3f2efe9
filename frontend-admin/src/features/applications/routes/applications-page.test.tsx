import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setMe } from '@/lib/auth';
import { mockFetch, problem, type MockRoutes } from '@/testing/fetch-mock';
import { orgAdmin } from '@/testing/me-data';
import { createTestQueryClient, renderWithProviders } from '@/testing/render';
import { ApplicationsPage } from './applications-page';

const bureau = { id: 3207, name: '深圳市南山区市场监督管理局', name_en: null, level: 'county', division_code: '440305' };
const summary = (id: number, name: string, status = 'submitted') => ({
  id,
  kind: 'enterprise',
  name,
  name_en: null,
  credit_code: '91440305MA5FWQ002X',
  registered_division: '440305',
  competent_bureau: bureau,
  status,
  submitted_at: '2026-11-28T08:00:00Z',
  decided_at: null,
});
const detail = (id: number, name: string, status = 'submitted') => ({
  ...summary(id, name, status),
  contact_name: '李联系',
  contact_phone: '0755-12345678',
  contact_email: 'apply@example.cn',
  admin_username: 'ent.admin',
  admin_display_name: '王管理',
  description: '在线零售',
  decided_by: null,
  decision_reason: null,
  organisation_id: null,
  timeline: [{ step: 'submitted', at: '2026-11-28T08:00:00Z' }],
});

function page(routes: MockRoutes, path = '/applications') {
  const server = mockFetch(routes);
  const queryClient = createTestQueryClient();
  setMe(queryClient, orgAdmin);
  const user = userEvent.setup();
  renderWithProviders(<ApplicationsPage />, { queryClient, path });
  return { ...server, user };
}

const PENDING = '/api/v1/organisations/3207/applications?status=submitted&limit=50';

describe('ApplicationsPage', () => {
  it('lists pending applications by default and opens one with every field and the timeline', async () => {
    const { calls, user } = page({
      [PENDING]: { body: { items: [summary(5, '深圳某某科技有限公司')], next: null } },
      '/api/v1/applications/5': { body: detail(5, '深圳某某科技有限公司') },
    });
    const rows = await screen.findAllByTestId('application');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.textContent).toContain('待审核');
    expect(calls).toContain(PENDING);
    await user.click(within(rows[0]!).getByRole('button', { name: /查看/ }));
    const drawer = await screen.findByRole('dialog');
    await within(drawer).findByText('ent.admin');
    expect(drawer.textContent).toContain('李联系');
    expect(drawer.textContent).toContain('提交申请');
    expect(within(drawer).getByRole('button', { name: /^通\s*过$/ })).toBeTruthy();
  });

  it('shows the empty state for a filter with nothing in it', async () => {
    page({ '/api/v1/organisations/3207/applications?status=rejected&limit=50': { body: { items: [], next: null } } }, '/applications?status=rejected');
    expect(await screen.findByText('没有符合条件的申请。')).toBeTruthy();
  });

  it('approves after a confirmation', async () => {
    let status = 'submitted';
    const { calls, user } = page(
      {
        [PENDING]: () => ({ body: { items: status === 'submitted' ? [summary(5, '甲公司')] : [], next: null } }),
        '/api/v1/applications/5': () => ({ body: detail(5, '甲公司', status) }),
        'POST /api/v1/applications/5/approve': () => {
          status = 'approved';
          return { body: { status: 'approved', organisation_id: 9100 } };
        },
      },
      '/applications?id=5',
    );
    const drawer = await screen.findByRole('dialog');
    await user.click(await within(drawer).findByRole('button', { name: /^通\s*过$/ }));
    const confirm = await screen.findByText(/将创建该机构并向首位管理员发送邀请/);
    await user.click(within(confirm.closest('.ant-modal') as HTMLElement).getByRole('button', { name: /^通\s*过$/ }));
    await waitFor(() => expect(within(drawer).getByTestId('application-status').textContent).toBe('已通过'));
    expect(calls).toContain('POST /api/v1/applications/5/approve');
  });

  it('requires a reason to reject, and says so plainly when someone else decided first', async () => {
    const { requests, user } = page(
      {
        [PENDING]: { body: { items: [summary(5, '甲公司')], next: null } },
        '/api/v1/applications/5': { body: detail(5, '甲公司') },
        'POST /api/v1/applications/5/reject': problem(409, 'conflict', 'Already decided.', '该申请已被处理。'),
      },
      '/applications?id=5',
    );
    const drawer = await screen.findByRole('dialog');
    await user.click(await within(drawer).findByRole('button', { name: /^驳\s*回$/ }));
    const modal = (await screen.findByText('驳回申请')).closest('.ant-modal') as HTMLElement;
    await user.click(within(modal).getByRole('button', { name: /^驳\s*回$/ }));
    expect(await within(modal).findByText('请填写驳回理由。')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
    await user.type(within(modal).getByLabelText('驳回理由（申请人可见）'), '材料不全');
    await user.click(within(modal).getByRole('button', { name: /^驳\s*回$/ }));
    expect(await screen.findByTestId('decided-elsewhere')).toBeTruthy();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ reason: '材料不全' });
  });
});
