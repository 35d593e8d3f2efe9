import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { divisionRoutes, nanshanDetailRoute } from '@/testing/divisions-data';
import { mockFetch, problem, type MockRoutes } from '@/testing/fetch-mock';
import { consumer, signedIn, validationFailed } from '@/testing/me-data';
import { categoriesRoute, receipt } from '@/testing/orders-data';
import { renderWithProviders } from '@/testing/render';
import { AppealNewRoute } from './appeal-new';

type User = ReturnType<typeof userEvent.setup>;

const DRAFT_KEY = `weiquan.appealDraft.${consumer.user_id}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Walks a Cascader down its levels, clicking each option by name. */
async function cascade(user: User, label: string, names: string[]) {
  const combobox = await screen.findByLabelText(label);
  await waitFor(() => expect(combobox.hasAttribute('disabled')).toBe(false));
  await user.click(combobox);
  for (const name of names) {
    const option = (await screen.findAllByTitle(name)).find((el) => el.classList.contains('ant-cascader-menu-item'));
    if (!option) throw new Error(`no cascader option ${name}`);
    await user.click(option);
  }
}

async function choose(user: User, label: string, name: string) {
  const combobox = await screen.findByLabelText(label);
  await waitFor(() => expect(combobox.hasAttribute('disabled')).toBe(false));
  await user.click(combobox);
  const options = await screen.findAllByTitle(name);
  const option = options.find((el) => el.classList.contains('ant-select-item-option'));
  if (!option) throw new Error(`no option ${name}`);
  await user.click(option);
}

function wizard(routes: MockRoutes = {}) {
  const server = mockFetch({ '/api/v1/me': signedIn(), ...divisionRoutes, ...nanshanDetailRoute, ...categoriesRoute, ...routes });
  const user = userEvent.setup();
  const view = renderWithProviders(<AppealNewRoute />, { path: '/appeals/new' });
  return { ...server, ...view, user };
}

/** Types a whole value at once (as pasting does): character-by-character typing is slow. */
async function fill(user: User, label: string, text: string) {
  await user.click(screen.getByLabelText(label));
  await user.paste(text);
}

const next = (user: User) => user.click(screen.getByRole('button', { name: /下一步/ }));

/** Fills a complaint against a business in 南山区 up to the review step. */
async function fillComplaint(user: User) {
  await screen.findByTestId('step-kind');
  await next(user);
  await screen.findByTestId('step-business');
  await fill(user, '经营者名称', '深圳某某餐饮有限公司');
  await choose(user, '省份', '广东省');
  await choose(user, '城市', '深圳市');
  await choose(user, '区县', '南山区');
  await next(user);
  await screen.findByTestId('step-details');
  await fill(user, '购买的商品或接受的服务', '预付储值卡');
  fireEvent.change(screen.getByLabelText('消费日期（可选）'), { target: { value: '2026-11-01' } });
  await fill(user, '消费金额（元，可选）', '1280.5');
  await fill(user, '您的诉求', '退还余额');
  await fill(user, '事实经过', '门店关闭，余额无法使用。');
  await cascade(user, '商品或服务类别', ['服务', '销售服务', '预付卡消费']);
  await choose(user, '问题类型', '合同');
  await next(user);
  await screen.findByTestId('review');
}

// Walking through every step with three division selects takes a while on a busy machine.
const SLOW = 40_000;

const submitButton = () => screen.getByRole('button', { name: /提\s*交/ });

describe('/appeals/new', () => {
  it('files a complaint and shows the receipt with number, unit and due date', async () => {
    const { requests, user } = wizard({ 'POST /api/v1/orders': { status: 201, body: receipt } });
    await fillComplaint(user);
    await waitFor(() => expect(screen.getByTestId('review').textContent).toContain('广东省 深圳市 南山区'));
    // The taxonomy codes are shown by name.
    expect(screen.getByTestId('review').textContent).toContain('销售服务 / 预付卡消费');
    expect(screen.getByTestId('review').textContent).toContain('问题类型合同');
    await user.click(submitButton());

    expect((await screen.findByTestId('receipt-number')).textContent).toBe('WQ20261129000007');
    expect(screen.getByTestId('receipt-holder').textContent).toBe('深圳市南山区市场监督管理局');
    expect(screen.getByTestId('receipt-due').textContent).toBe('2026-12-08');
    expect(screen.getByRole('link', { name: '查看诉求' }).getAttribute('href')).toBe('/appeals/7');
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.body).toEqual({
      kind: 'complaint',
      business: {
        name: '深圳某某餐饮有限公司',
        credit_code: null,
        division: '440305',
        address: null,
        channel: 'offline',
        platform: null,
        platform_division: null,
      },
      conduct_division: null,
      item: '预付储值卡',
      bought_on: '2026-11-01',
      amount_fen: 128050,
      request: '退还余额',
      facts: '门店关闭，余额无法使用。',
      subject_category: 'S0401',
      problem_type: 'P06',
      anonymous: false,
      both: false,
      enterprise_first: false,
      attachments: [],
    });
    expect(post?.headers.get('Idempotency-Key')).toMatch(UUID);
    expect(post?.headers.get('X-CSRF-Token')).toBe(consumer.csrf_token);
    // Filed: the draft is gone.
    expect(localStorage.getItem(DRAFT_KEY)).toBeNull();
  }, SLOW);

  it('restores the draft after a remount (a reload) and can discard it', async () => {
    const first = wizard();
    await screen.findByTestId('step-kind');
    await first.user.click(screen.getByText('举报'));
    await next(first.user);
    await first.user.type(await screen.findByLabelText('经营者名称'), '某某超市');
    const saved = JSON.parse(localStorage.getItem(DRAFT_KEY) ?? 'null') as { step: string; key: string; values: object };
    expect(saved.step).toBe('business');
    expect(saved.key).toMatch(UUID);
    first.unmount();

    const second = wizard();
    expect(await screen.findByTestId('draft-restored')).toBeTruthy();
    expect(await screen.findByTestId('step-business')).toBeTruthy();
    expect((screen.getByLabelText('经营者名称') as HTMLInputElement).value).toBe('某某超市');
    // The report's own field is there: the kind came back too.
    expect(screen.getByText('违法行为发生地（可选）')).toBeTruthy();

    await second.user.click(screen.getByRole('button', { name: '放弃草稿' }));
    await second.user.click(await screen.findByRole('button', { name: /^放\s*弃$/ }));
    expect(await screen.findByTestId('step-kind')).toBeTruthy();
    expect(localStorage.getItem(DRAFT_KEY)).toBeNull();
    expect((screen.getByLabelText(/投诉/) as HTMLInputElement).checked).toBe(true);
  });

  it('puts server field errors under their fields and goes back to the first step with one', async () => {
    const { user } = wizard({
      'POST /api/v1/orders': validationFailed([
        { field: 'facts', code: 'length', message: 'Too long.', message_zh: '最多 5000 个字符。' },
        {
          field: 'business.credit_code',
          code: 'check_character',
          message: 'Wrong check character.',
          message_zh: '校验码（最后一位）不正确，请核对代码是否输入有误。',
        },
        { field: 'amount_fen', code: 'range', message: 'Out of range.', message_zh: '金额（以分计）应在 0 到 100 亿元之间。' },
      ]),
    });
    await fillComplaint(user);
    await user.click(submitButton());

    // Back on the business step, the credit code's message under the credit code.
    expect(await screen.findByTestId('step-business')).toBeTruthy();
    expect(screen.getByTestId('fix-errors')).toBeTruthy();
    const codeError = await screen.findByText('校验码（最后一位）不正确，请核对代码是否输入有误。');
    expect(codeError.closest('.ant-form-item')?.textContent).toContain('统一社会信用代码');
    // Nothing is repeated in an alert when every message has its field.
    expect(screen.queryByTestId('form-error')).toBeNull();

    // The details step has the other two, each under its own field.
    await next(user);
    const facts = await screen.findByText('最多 5000 个字符。');
    expect(facts.closest('.ant-form-item')?.textContent).toContain('事实经过');
    const amount = screen.getByText('金额（以分计）应在 0 到 100 亿元之间。');
    expect(amount.closest('.ant-form-item')?.textContent).toContain('消费金额');

    // Editing a field takes its server message away.
    await user.type(screen.getByLabelText('事实经过'), '。');
    await waitFor(() => expect(screen.queryByText('最多 5000 个字符。')).toBeNull());
  }, SLOW);

  it('sends the same Idempotency-Key again when a failed submission is retried', async () => {
    let attempts = 0;
    const { requests, user } = wizard({
      'POST /api/v1/orders': () => {
        attempts += 1;
        return attempts === 1
          ? problem(503, 'service_unavailable', 'Down.', '服务暂时不可用，请稍后重试。')
          : { status: 200, body: receipt };
      },
    });
    await fillComplaint(user);
    await user.click(submitButton());
    expect((await screen.findByTestId('form-error')).textContent).toContain('服务暂时不可用');
    // A reload in between keeps the key as well: it lives in the draft.
    const key = (JSON.parse(localStorage.getItem(DRAFT_KEY) ?? '{}') as { key?: string }).key;
    await user.click(submitButton());
    await screen.findByTestId('order-receipt');

    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[0]?.headers.get('Idempotency-Key')).toBe(key);
    expect(posts[1]?.headers.get('Idempotency-Key')).toBe(key);
    expect(posts[1]?.body).toEqual(posts[0]?.body);
  }, SLOW);

  it('a double click files once', async () => {
    const { requests, user } = wizard({ 'POST /api/v1/orders': { status: 201, body: receipt } });
    await fillComplaint(user);
    await user.dblClick(submitButton());
    await screen.findByTestId('order-receipt');
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  }, SLOW);

  it('checks required fields before leaving a step', async () => {
    const { calls, user } = wizard();
    await screen.findByTestId('step-kind');
    await next(user);
    await screen.findByTestId('step-business');
    await next(user);
    expect(await screen.findByText('请填写此项。')).toBeTruthy();
    expect(screen.getByTestId('step-business')).toBeTruthy();
    expect(calls.some((c) => c.startsWith('POST'))).toBe(false);
  });

  it('a suggestion skips the business step and sends no business', async () => {
    const { requests, user } = wizard({ 'POST /api/v1/orders': { status: 201, body: receipt } });
    await screen.findByTestId('step-kind');
    await user.click(screen.getByText('建议'));
    const steps = screen.getByRole('navigation', { name: '填写步骤' });
    expect(within(steps).queryByText('经营者')).toBeNull();
    await next(user);
    await user.type(await screen.findByLabelText('建议内容'), '希望公布更多抽检结果。');
    await next(user);
    await screen.findByTestId('review');
    await user.click(submitButton());
    await screen.findByTestId('order-receipt');
    expect(requests.find((r) => r.method === 'POST')?.body).toMatchObject({
      kind: 'suggestion',
      business: null,
      facts: '希望公布更多抽检结果。',
      item: null,
      request: null,
    });
  });

  it('keeps uploaded evidence in the draft, sends its ids in order and shows attachments[i] errors on that file', async () => {
    const values = {
      kind: 'complaint',
      business: { name: '深圳某某餐饮有限公司', division: '440305', channel: 'offline' },
      item: '预付储值卡',
      request: '退还余额',
      facts: '门店关闭，余额无法使用。',
      subject_category: 'S0401',
      problem_type: 'P06',
      attachments: [
        { id: 9, file_name: '收据.jpg', media_type: 'image/jpeg', size_bytes: 52_000 },
        { id: 5, file_name: '合同.pdf', media_type: 'application/pdf', size_bytes: 2_400_000 },
      ],
    };
    localStorage.setItem(DRAFT_KEY, JSON.stringify({ values, step: 'review', key: '3f1c2b8e-1d2a-4c5b-9e7f-0a1b2c3d4e5f', savedAt: Date.now() }));
    const { requests, user } = wizard({
      'POST /api/v1/orders': validationFailed([
        { field: 'attachments[1]', code: 'unknown_attachment', message: 'No such upload of yours.', message_zh: '找不到您上传的这个文件，请重新上传。' },
      ]),
    });
    const review = await screen.findByTestId('review-evidence');
    expect(review.textContent).toContain('收据.jpg');
    expect(review.textContent).toContain('合同.pdf');
    await user.click(submitButton());

    await waitFor(() => expect(requests.find((r) => r.method === 'POST')).toBeTruthy());
    expect(requests.find((r) => r.method === 'POST')?.body).toMatchObject({ attachments: [9, 5] });
    // Back on the details step, the message is on the second file, not the first.
    expect(await screen.findByTestId('step-details')).toBeTruthy();
    const files = screen.getAllByTestId('evidence-item');
    expect(files[1]?.textContent).toContain('找不到您上传的这个文件，请重新上传。');
    expect(files[0]?.textContent).not.toContain('找不到');
    // Removing the file clears the out-of-date message; the draft keeps the remaining one.
    await user.click(screen.getByRole('button', { name: '删除 合同.pdf' }));
    expect(screen.queryByText('找不到您上传的这个文件，请重新上传。')).toBeNull();
    const saved = JSON.parse(localStorage.getItem(DRAFT_KEY) ?? '{}') as { values?: { attachments?: { id: number }[] } };
    expect(saved.values?.attachments?.map((a) => a.id)).toEqual([9]);
  }, SLOW);

  it('offers to send a complaint to an approved ODR enterprise first, and sends the choice', async () => {
    const code = '91440305MA5FWQ001Q';
    const { requests, user } = wizard({
      [`/api/v1/enterprises/odr/${code}`]: { body: { name: '深圳市某电商有限公司', credit_code: code } },
      'POST /api/v1/orders': { status: 201, body: receipt },
    });
    await screen.findByTestId('step-kind');
    await next(user);
    await screen.findByTestId('step-business');
    expect(screen.queryByTestId('odr-offer')).toBeNull();
    await fill(user, '经营者名称', '深圳市某电商有限公司');
    await fill(user, '统一社会信用代码（可选）', code.toLowerCase());
    const offer = await screen.findByTestId('odr-offer');
    expect(offer.textContent).toContain('深圳市某电商有限公司 支持在线纠纷解决（ODR）');
    expect(offer.textContent).toContain('10 个工作日');
    await user.click(screen.getByRole('checkbox', { name: /先交由企业处理/ }));
    await choose(user, '省份', '广东省');
    await choose(user, '城市', '深圳市');
    await choose(user, '区县', '南山区');
    await next(user);
    await screen.findByTestId('step-details');
    await fill(user, '购买的商品或接受的服务', '耳机');
    await fill(user, '您的诉求', '退货');
    await fill(user, '事实经过', '收到的耳机无法开机。');
    await cascade(user, '商品或服务类别', ['商品', '食品类', '预包装食品']);
    await choose(user, '问题类型', '质量');
    await next(user);
    expect((await screen.findByTestId('review')).textContent).toContain('先交由企业处理是');
    await user.click(submitButton());
    await screen.findByTestId('order-receipt');
    expect(requests.find((r) => r.method === 'POST')?.body).toMatchObject({ enterprise_first: true, business: { credit_code: code } });
  }, SLOW);

  it('offers nothing when the business is not an approved ODR enterprise', async () => {
    const code = '91440300708461136T';
    const { calls, user } = wizard({
      [`/api/v1/enterprises/odr/${code}`]: problem(404, 'not_found', 'The ODR enterprise was not found.', '未找到该 ODR 企业。'),
    });
    await screen.findByTestId('step-kind');
    await next(user);
    await screen.findByTestId('step-business');
    await fill(user, '统一社会信用代码（可选）', code);
    await waitFor(() => expect(calls).toContain(`/api/v1/enterprises/odr/${code}`));
    expect(screen.queryByTestId('odr-offer')).toBeNull();
    expect(screen.queryByRole('checkbox', { name: /先交由企业处理/ })).toBeNull();
  });

  it('a report is not offered the enterprise-first choice', async () => {
    const code = '91440305MA5FWQ001Q';
    const { calls, user } = wizard({
      [`/api/v1/enterprises/odr/${code}`]: { body: { name: '深圳市某电商有限公司', credit_code: code } },
    });
    await screen.findByTestId('step-kind');
    await user.click(screen.getByText('举报'));
    await next(user);
    await screen.findByTestId('step-business');
    await fill(user, '统一社会信用代码（可选）', code);
    expect(screen.queryByTestId('odr-offer')).toBeNull();
    expect(calls).not.toContain(`/api/v1/enterprises/odr/${code}`);
  });
});
