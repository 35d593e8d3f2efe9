import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setMe } from '@/lib/auth';
import { mockFetch } from '@/testing/fetch-mock';
import { handler, orgAdmin } from '@/testing/me-data';
import { createTestQueryClient, renderWithProviders } from '@/testing/render';
import { OrganisationsPage } from './organisations-page';

const unit = (id: number, name: string, extra: object = {}) => ({
  id,
  name,
  kind: 'bureau',
  bureau_level: 'county',
  division_code: '440305',
  status: 'active',
  has_children: false,
  parent_id: 3100,
  ...extra,
});

const shenzhen = unit(3100, '深圳市市场监督管理局', { bureau_level: 'city', division_code: '440300', has_children: true, parent_id: 44 });
const nanshan = unit(3207, '深圳市南山区市场监督管理局');
const futian = unit(3206, '深圳市福田区市场监督管理局', { division_code: '440304' });

function page(me: typeof handler) {
  const queryClient = createTestQueryClient();
  setMe(queryClient, me);
  return renderWithProviders(<OrganisationsPage />, { queryClient });
}

describe('OrganisationsPage', () => {
  it('starts at the user\u2019s own unit and shows a county without stations', async () => {
    mockFetch({ '/api/v1/organisations/3207': { body: { ...nanshan, ancestors: [] } } });
    page(orgAdmin);
    const tree = await screen.findByRole('tree', { name: '组织机构树' });
    expect(within(tree).getByRole('treeitem', { name: /深圳市南山区市场监督管理局/ })).toBeTruthy();
    const detail = await screen.findByTestId('org-detail');
    expect(within(detail).getByRole('heading', { level: 2 }).textContent).toContain('深圳市南山区市场监督管理局');
    expect(detail.textContent).toContain('市场监督管理局 · 县级');
    expect(detail.textContent).toContain('440305');
    expect(detail.textContent).toContain('尚未设立下级市场监管所');
  });

  it('lists the management tasks of an administrator\u2019s own unit, none for a handler', async () => {
    mockFetch({ '/api/v1/organisations/3207': { body: { ...nanshan, ancestors: [] } } });
    const { unmount } = page(orgAdmin);
    const management = await screen.findByTestId('org-management');
    expect(within(management).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '管理本单位人员',
      '设立市场监管所',
      '审核入驻申请',
      '查询审计日志',
    ]);
    unmount();

    page(handler);
    await screen.findByTestId('org-detail');
    expect(screen.queryByTestId('org-management')).toBeNull();
  });

  it('loads children when a node is expanded and shows the selected unit', async () => {
    const cityStaff = { ...handler, org: { ...handler.org!, id: 3100, name: shenzhen.name, bureau_level: 'city' } };
    const { calls } = mockFetch({
      '/api/v1/organisations/3100': { body: { ...shenzhen, ancestors: [] } },
      '/api/v1/organisations/3100/children': { body: { items: [futian, nanshan] } },
      '/api/v1/organisations/3207': { body: { ...nanshan, ancestors: [{ ...shenzhen }] } },
    });
    const user = userEvent.setup();
    page(cityStaff);
    const tree = await screen.findByRole('tree');
    expect(calls).not.toContain('/api/v1/organisations/3100/children');

    const root = within(tree).getByRole('treeitem', { name: /深圳市市场监督管理局/ });
    await user.click(root.querySelector('.ant-tree-switcher') as HTMLElement);
    const county = await within(tree).findByRole('treeitem', { name: /深圳市南山区市场监督管理局/ });
    expect(calls).toContain('/api/v1/organisations/3100/children');

    await user.click(within(county).getByText('深圳市南山区市场监督管理局'));
    await waitFor(() =>
      expect(screen.getByTestId('org-detail').textContent).toContain('深圳市市场监督管理局 / 深圳市南山区市场监督管理局'),
    );
    expect(screen.queryByTestId('org-management')).toBeNull();
  });

  it('links an administrator to the members and audit screens of their unit and of units below', async () => {
    const cityAdmin = { ...orgAdmin, org: { ...orgAdmin.org!, id: 3100, name: shenzhen.name, bureau_level: 'city' } };
    mockFetch({
      '/api/v1/organisations/3100': { body: { ...shenzhen, ancestors: [] } },
      '/api/v1/organisations/3100/children': { body: { items: [futian, nanshan] } },
      '/api/v1/organisations/3207': { body: { ...nanshan, ancestors: [{ ...shenzhen }] } },
    });
    const user = userEvent.setup();
    page(cityAdmin);
    const management = await screen.findByTestId('org-management');
    expect(within(management).getByRole('link', { name: '管理本单位人员' }).getAttribute('href')).toBe('/members');
    expect(within(management).getByRole('link', { name: '查询审计日志' }).getAttribute('href')).toBe('/audit');
    expect(within(management).queryByRole('link', { name: '设立市场监管所' })).toBeNull();

    const tree = await screen.findByRole('tree');
    await user.click(within(tree).getByRole('treeitem', { name: /深圳市市场监督管理局/ }).querySelector('.ant-tree-switcher') as HTMLElement);
    await user.click(await within(tree).findByText('深圳市南山区市场监督管理局'));
    const links = await screen.findByTestId('org-links');
    expect(within(links).getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['查看该单位人员', '/members?org=3207'],
      ['查看该单位审计日志', '/audit?org=3207'],
    ]);
  });
});
