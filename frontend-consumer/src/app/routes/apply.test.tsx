import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { divisionRoutes } from '@/testing/divisions-data';
import { mockFetch, problem, type MockRoutes } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { ApplyRoute } from './apply';
import { ApplyStatusRoute } from './apply-status';

type User = ReturnType<typeof userEvent.setup>;

async function choose(user: User, label: string, name: string) {
  const combobox = await screen.findByLabelText(label);
  await waitFor(() => expect(combobox.hasAttribute('disabled')).toBe(false));
  await user.click(combobox);
  const options = await screen.findAllByTitle(name);
  const option = options.find((el) => el.classList.contains('ant-select-item-option'));
  if (!option) throw new Error(`no option ${name}`);
  await user.click(option);
}

const receipt = {
  tracking_code: 'WQ-7K3M-Q9TD-2XHC-R4PA',
  status: 'submitted',
  competent_bureau: { id: 3207, name: '深圳市南山区市场监督管理局', name_en: null, level: 'county', division_code: '440305' },
};

function apply(routes: MockRoutes) {
  const server = mockFetch({ ...divisionRoutes, ...routes });
  const user = userEvent.setup();
  renderWithProviders(<ApplyRoute />, { path: '/apply' });
  return { ...server, user };
}

async function fillEnterprise(user: User) {
  await user.type(screen.getByLabelText('统一社会信用代码'), '91440305ma5fwq002x');
  await choose(user, '省份', '广东省');
  await choose(user, '城市', '深圳市');
  await choose(user, '区县', '南山区');
  await user.type(screen.getByLabelText('机构名称'), '深圳某某科技有限公司');
  await user.type(screen.getByLabelText('联系人'), '李联系');
  await user.type(screen.getByLabelText('联系电话'), '0755-12345678');
  await user.type(screen.getByLabelText('联系邮箱'), 'apply@example.cn');
  await user.type(screen.getByLabelText('登录用户名'), 'Ent.Admin');
  await user.type(screen.getByLabelText('姓名'), '王管理');
}

describe('/apply', () => {
  it('submits an enterprise and shows the tracking code with what happens next', async () => {
    const { requests, user } = apply({ 'POST /api/v1/applications': { status: 201, body: receipt } });
    await fillEnterprise(user);
    await user.click(screen.getByRole('button', { name: /提交申请/ }));
    expect((await screen.findByTestId('tracking-code')).textContent).toContain('WQ-7K3M-Q9TD-2XHC-R4PA');
    expect(screen.getByText('审核单位：深圳市南山区市场监督管理局')).toBeTruthy();
    expect(screen.getByText(/首位管理员会收到邀请邮件/)).toBeTruthy();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      kind: 'enterprise',
      name: '深圳某某科技有限公司',
      name_en: null,
      credit_code: '91440305MA5FWQ002X',
      registered_division: '440305',
      competent_division: null,
      contact_name: '李联系',
      contact_phone: '0755-12345678',
      contact_email: 'apply@example.cn',
      admin_username: 'ent.admin',
      admin_display_name: '王管理',
      description: null,
    });
  });

  it('checks the credit code and the county before sending', async () => {
    const { calls, user } = apply({});
    await user.type(screen.getByLabelText('统一社会信用代码'), '123');
    await user.click(screen.getByRole('button', { name: /提交申请/ }));
    expect(await screen.findByText(/请输入 18 位统一社会信用代码/)).toBeTruthy();
    expect(await screen.findByText('请选择到区县一级。')).toBeTruthy();
    expect(calls.some((c) => c.startsWith('POST'))).toBe(false);
  });

  it('puts the server\u2019s field errors under their fields and shows a duplicate as a message', async () => {
    let answer = problem(422, 'validation_failed', 'Invalid.', '提交的内容未通过校验。', {
      errors: [{ field: 'credit_code', code: 'check_digit', message: 'Wrong check character.', message_zh: '校验码不正确。' }],
    });
    const { user } = apply({ 'POST /api/v1/applications': () => answer });
    await fillEnterprise(user);
    await user.click(screen.getByRole('button', { name: /提交申请/ }));
    const error = await screen.findByText('校验码不正确。');
    expect(error.closest('.ant-form-item')?.textContent).toContain('统一社会信用代码');
    answer = problem(409, 'application_duplicate', 'Duplicate.', '该机构已入驻，或已有待审核的申请。');
    await user.click(screen.getByRole('button', { name: /提交申请/ }));
    expect((await screen.findByTestId('form-error')).textContent).toContain('该机构已入驻');
  });

  it('asks an international body for the competent level and its English name', async () => {
    const { requests, user } = apply({ 'POST /api/v1/applications': { status: 201, body: receipt } });
    await user.click(screen.getByText('国际机构'));
    expect(screen.queryByLabelText('统一社会信用代码')).toBeNull();
    await user.click(screen.getByRole('button', { name: /提交申请/ }));
    expect((await screen.findAllByText('请填写此项。')).length).toBeGreaterThan(0);
    await choose(user, '主管层级', '国家市场监督管理总局');
    await user.type(screen.getByLabelText('机构名称'), '国际消费者联络处');
    await user.type(screen.getByLabelText('英文名称'), 'International Liaison');
    await user.type(screen.getByLabelText('联系人'), 'Ann');
    await user.type(screen.getByLabelText('联系电话'), '+44 20 1234 5678');
    await user.type(screen.getByLabelText('联系邮箱'), 'ann@example.org');
    await user.type(screen.getByLabelText('登录用户名'), 'ann');
    await user.type(screen.getByLabelText('姓名'), 'Ann');
    await user.click(screen.getByRole('button', { name: /提交申请/ }));
    await screen.findByTestId('tracking-code');
    expect(requests.find((r) => r.method === 'POST')?.body).toMatchObject({
      kind: 'international',
      competent_division: 'national',
      credit_code: null,
      registered_division: null,
      name_en: 'International Liaison',
    });
  });
});

describe('/apply/status', () => {
  function track(routes: MockRoutes) {
    const server = mockFetch(routes);
    const user = userEvent.setup();
    renderWithProviders(<ApplyStatusRoute />, { path: '/apply/status' });
    return { ...server, user };
  }

  it('shows the status, bureau, timeline and the rejection reason; the code goes in the body', async () => {
    const { requests, user } = track({
      'POST /api/v1/applications/status': {
        body: {
          kind: 'enterprise',
          name: '深圳某某科技有限公司',
          status: 'rejected',
          competent_bureau: receipt.competent_bureau,
          submitted_at: '2026-11-28T08:00:00Z',
          decided_at: '2026-11-29T08:00:00Z',
          decision_reason: '营业执照信息不符',
          timeline: [
            { step: 'submitted', at: '2026-11-28T08:00:00Z' },
            { step: 'rejected', at: '2026-11-29T08:00:00Z' },
          ],
        },
      },
    });
    await user.type(screen.getByLabelText('查询码'), 'WQ-7K3M-Q9TD-2XHC-R4PA');
    await user.click(screen.getByRole('button', { name: /查\s*询/ }));
    expect((await screen.findByTestId('application-status')).textContent).toBe('未通过');
    expect(screen.getByTestId('rejection-reason').textContent).toContain('营业执照信息不符');
    expect(screen.getByTestId('application-progress').textContent).toContain('深圳市南山区市场监督管理局');
    expect(screen.getByTestId('application-progress').textContent).toContain('审核未通过');
    expect(requests[0]?.key).toBe('/api/v1/applications/status');
    expect(requests[0]?.body).toEqual({ tracking_code: 'WQ-7K3M-Q9TD-2XHC-R4PA' });
  });

  it('says plainly when no application has the code', async () => {
    const { user } = track({ 'POST /api/v1/applications/status': problem(404, 'not_found', 'Not found.', '未找到。') });
    await user.type(screen.getByLabelText('查询码'), 'WQ-XXXX');
    await user.click(screen.getByRole('button', { name: /查\s*询/ }));
    expect(await screen.findByTestId('tracking-not-found')).toBeTruthy();
  });

  it('shows the 429 countdown', async () => {
    const { user } = track({
      'POST /api/v1/applications/status': {
        ...problem(429, 'too_many_requests', 'Slow down.', '操作过于频繁，请稍后再试。'),
        headers: { 'retry-after': '30' },
      },
    });
    await user.type(screen.getByLabelText('查询码'), 'WQ-XXXX');
    await user.click(screen.getByRole('button', { name: /查\s*询/ }));
    expect((await screen.findByTestId('form-error')).textContent).toMatch(/30/);
    expect((screen.getByRole('button', { name: /查\s*询/ }) as HTMLButtonElement).disabled).toBe(true);
  });
});
