import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setMe } from '@/lib/auth';
import { mockFetch, problem, type MockRoutes } from '@/testing/fetch-mock';
import { handler, orgAdmin } from '@/testing/me-data';
import { createTestQueryClient, renderWithProviders } from '@/testing/render';
import { OrganisationsPage } from './organisations-page';

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
const station = { ...nanshan, id: 4001, name: '南山区市场监督管理局西丽所', kind: 'station', bureau_level: null, parent_id: 3207 };

function page(routes: MockRoutes, me = orgAdmin) {
  const server = mockFetch({ '/api/v1/organisations/3207': { body: nanshan }, ...routes });
  const queryClient = createTestQueryClient();
  setMe(queryClient, me);
  const user = userEvent.setup();
  renderWithProviders(<OrganisationsPage />, { queryClient, path: '/organisations' });
  return { ...server, user };
}

describe('creating a station', () => {
  it('creates a station under the county; it appears in the tree with a link to invite its staff', async () => {
    const { requests, user } = page({
      'POST /api/v1/organisations/3207/stations': { status: 201, body: station },
      '/api/v1/organisations/3207/children': { body: { items: [station] } },
      '/api/v1/organisations/4001': { body: { ...station, ancestors: [nanshan] } },
    });
    await user.click(await screen.findByTestId('create-station'));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('名称（中文）'), '南山区市场监督管理局西丽所');
    await user.type(within(dialog).getByLabelText('名称（英文，可选）'), 'Xili Station');
    await user.click(within(dialog).getByRole('button', { name: /^创\s*建$/ }));
    const created = await screen.findByTestId('station-created');
    expect(within(created).getByRole('link', { name: '邀请该所人员' }).getAttribute('href')).toBe('/members?org=4001&tab=invitations');
    expect(await within(screen.getByRole('tree')).findByText('南山区市场监督管理局西丽所')).toBeTruthy();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ name: '南山区市场监督管理局西丽所', name_en: 'Xili Station' });
  });

  it('shows a 422 under the name', async () => {
    const { user } = page({
      'POST /api/v1/organisations/3207/stations': problem(422, 'validation_failed', 'Invalid.', '提交的内容未通过校验。', {
        errors: [{ field: 'name', code: 'length', message: 'Too long.', message_zh: '名称过长。' }],
      }),
    });
    await user.click(await screen.findByTestId('create-station'));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('名称（中文）'), 'x');
    await user.click(within(dialog).getByRole('button', { name: /^创\s*建$/ }));
    const error = await within(dialog).findByText('名称过长。');
    expect(error.closest('.ant-form-item')?.textContent).toContain('名称（中文）');
  });

  it('offers no button without create_station', async () => {
    page({}, { ...handler });
    expect(await screen.findByTestId('org-detail')).toBeTruthy();
    expect(screen.queryByTestId('create-station')).toBeNull();
  });
});
