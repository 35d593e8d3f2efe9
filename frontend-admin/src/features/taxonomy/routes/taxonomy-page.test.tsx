import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setMe } from '@/lib/auth';
import { mockFetch, problem, type MockRoutes } from '@/testing/fetch-mock';
import { orgAdmin } from '@/testing/me-data';
import { createTestQueryClient, renderWithProviders } from '@/testing/render';
import { TaxonomyPage } from './taxonomy-page';

const nationalAdmin = {
  ...orgAdmin,
  org: { id: 1, name: '国家市场监督管理总局', kind: 'bureau', bureau_level: 'national', division_code: null },
  capabilities: ['view_org_tree', 'manage_members', 'search_audit', 'manage_taxonomy'] as typeof orgAdmin.capabilities,
};

const cat = (code: string, name_zh: string, name_en: string, extra: object = {}) => ({
  code,
  kind: code.startsWith('P') ? 'problem' : 'subject',
  parent_code: code.length === 5 ? code.slice(0, 3) : null,
  name_zh,
  name_en,
  position: 10,
  active: true,
  ...extra,
});

function tree(options: { retired?: boolean; extraLeaf?: ReturnType<typeof cat> } = {}) {
  const leaves = [cat('G0101', '家用电器', 'Household appliances'), cat('G0102', '视听及数码产品', 'Audio-visual', { active: !options.retired })];
  if (options.extraLeaf) leaves.push(options.extraLeaf);
  return {
    subjects: [
      {
        branch: 'goods',
        name_zh: '商品',
        name_en: 'Goods',
        groups: [{ ...cat('G01', '家用电子电器类', 'Household appliances and electronics'), children: leaves }],
      },
      { branch: 'services', name_zh: '服务', name_en: 'Services', groups: [] },
    ],
    problem_types: [cat('P01', '质量', 'Quality'), cat('P02', '安全', 'Safety')],
  };
}

const LIST = '/api/v1/categories?include_retired=true';

function page(routes: MockRoutes) {
  const server = mockFetch(routes);
  const queryClient = createTestQueryClient();
  setMe(queryClient, nationalAdmin);
  const user = userEvent.setup();
  renderWithProviders(<TaxonomyPage />, { queryClient, path: '/taxonomy' });
  return { ...server, user };
}

const row = (code: string) => screen.getAllByTestId('category').find((el) => el.getAttribute('data-code') === code)!;

describe('TaxonomyPage', () => {
  it('shows goods, services and problem types as a tree with both names and retired codes marked', { timeout: 60_000 }, async () => {
    page({ [LIST]: { body: tree({ retired: true }) } });
    expect(await screen.findByRole('heading', { level: 1, name: '分类目录' })).toBeTruthy();
    await screen.findAllByTestId('category');
    expect(screen.getByText('商品')).toBeTruthy();
    expect(screen.getByText('服务')).toBeTruthy();
    expect(screen.getByText('问题类型')).toBeTruthy();
    expect(row('G0101').textContent).toContain('家用电器');
    expect(row('G0101').textContent).toContain('Household appliances');
    expect(row('G0102').textContent).toContain('已停用');
    expect(within(row('G0102')).getByRole('button', { name: /启\s*用/ })).toBeTruthy();
    expect(within(row('G0101')).getByRole('button', { name: /停\s*用/ })).toBeTruthy();
    expect(row('P01').textContent).toContain('质量');
  });

  it('shows an error with a retry when the taxonomy cannot be loaded', async () => {
    let fail = true;
    const { user } = page({
      [LIST]: () => (fail ? problem(503, 'service_unavailable', 'Down.', '服务暂时不可用。') : { body: tree() }),
    });
    expect(await screen.findByText('分类目录加载失败')).toBeTruthy();
    fail = false;
    await user.click(screen.getByRole('button', { name: /重\s*试|重新加载/ }));
    expect(await screen.findAllByTestId('category')).not.toHaveLength(0);
  });

  it('adds a leaf under a group with both names, and shows field errors from the server', async () => {
    let created = false;
    const { requests, user } = page({
      [LIST]: () => ({ body: created ? tree({ extraLeaf: cat('G0103', '厨房电器', 'Kitchen appliances') }) : tree() }),
      'POST /api/v1/categories': ({ body }) => {
        const b = body as { name_zh: string };
        if (b.name_zh === '重复') {
          return problem(422, 'validation_failed', 'Invalid.', '提交的内容有误。', {
            errors: [{ field: 'name_zh', code: 'length', message: 'Too long.', message_zh: '名称太长。' }],
          });
        }
        created = true;
        return { status: 201, body: cat('G0103', '厨房电器', 'Kitchen appliances') };
      },
    });
    await screen.findAllByTestId('category');
    await user.click(within(row('G01')).getByRole('button', { name: /新增小类/ }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('中文名称'), '重复');
    await user.type(within(dialog).getByLabelText('英文名称'), 'Duplicate');
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    expect(await within(dialog).findByText('名称太长。')).toBeTruthy();

    await user.clear(within(dialog).getByLabelText('中文名称'));
    await user.type(within(dialog).getByLabelText('中文名称'), '厨房电器');
    await user.clear(within(dialog).getByLabelText('英文名称'));
    await user.type(within(dialog).getByLabelText('英文名称'), 'Kitchen appliances');
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(row('G0103')).toBeTruthy());
    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts.at(-1)?.body).toEqual({ kind: 'leaf', parent_code: 'G01', name_zh: '厨房电器', name_en: 'Kitchen appliances' });
    expect(await screen.findByText('已保存 G0103。')).toBeTruthy();
  }, 60_000);

  it('renames with the current names filled in, and retires a category', async () => {
    const { requests, user } = page({
      [LIST]: { body: tree() },
      'PATCH /api/v1/categories/G0101': ({ body }) => ({ body: { ...cat('G0101', '大家电', 'Large appliances'), ...(body as object) } }),
    });
    await screen.findAllByTestId('category');
    await user.click(within(row('G0101')).getByRole('button', { name: /编\s*辑/ }));
    const dialog = await screen.findByRole('dialog');
    const zh = within(dialog).getByLabelText('中文名称') as HTMLInputElement;
    expect(zh.value).toBe('家用电器');
    await user.clear(zh);
    await user.type(zh, '大家电');
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(requests.some((r) => r.method === 'PATCH')).toBe(true));
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ name_zh: '大家电', name_en: 'Household appliances', position: 10 });

    await user.click(within(row('G0101')).getByRole('button', { name: /停\s*用/ }));
    await waitFor(() => expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(2));
    expect(requests.filter((r) => r.method === 'PATCH')[1]?.body).toEqual({ active: false });
  }, 60_000);

  it('switches to English', async () => {
    const { i18n } = await import('@/lib/i18n');
    await i18n.changeLanguage('en');
    try {
      page({ [LIST]: { body: tree() } });
      expect(await screen.findByRole('heading', { level: 1, name: 'Categories' })).toBeTruthy();
      await screen.findAllByTestId('category');
      expect(screen.getByText('Problem types')).toBeTruthy();
      expect(row('P02').textContent).toContain('Safety');
    } finally {
      await i18n.changeLanguage('zh-CN');
    }
  });
});
