import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockFetch, problem, type MockRoutes } from '@/testing/fetch-mock';
import { signedIn } from '@/testing/me-data';
import { order } from '@/testing/orders-data';
import { renderRoutes } from '@/testing/render';
import { AppealRoute } from './appeal';

const ORDER = '/api/v1/orders/7';

function page(routes: MockRoutes) {
  const server = mockFetch({ '/api/v1/me': signedIn(), ...routes });
  const user = userEvent.setup();
  const view = renderRoutes([{ path: '/appeals/:id', element: <AppealRoute /> }], { path: '/appeals/7' });
  return { ...server, ...view, user };
}

describe('/appeals/:id', () => {
  it('shows the content, state, due date and the public timeline in words', async () => {
    page({
      [ORDER]: {
        body: order({
          state: 'accepted',
          due_provisional: true,
          timeline: [
            ...order().timeline,
            { seq: 2, at: '2026-11-30T02:00:00Z', action: 'accept', from_state: 'received', to_state: 'accepted', actor_kind: 'member', actor_org_id: null, public: true, reason: '材料齐全' },
          ],
        }),
      },
    });
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('诉求 WQ20261129000007');
    expect(screen.getByTestId('order-state').textContent).toBe('已受理');
    expect(screen.getByTestId('due-provisional').getAttribute('aria-label')).toContain('尚未公布节假日安排');
    const appeal = screen.getByTestId('order-appeal');
    expect(appeal.textContent).toContain('深圳某某餐饮有限公司');
    expect(appeal.textContent).toContain('¥1,280.00');
    const timeline = screen.getByTestId('order-timeline');
    expect(timeline.textContent).toContain('提交并登记');
    expect(timeline.textContent).toContain('受理');
    expect(timeline.textContent).toContain('说明：材料齐全');
  });

  it('names the taxonomy and lists the evidence with download links', async () => {
    page({
      [ORDER]: {
        body: order({
          attachments: [
            { id: 31, file_name: '收据.jpg', media_type: 'image/jpeg', size_bytes: 52_000 },
            { id: 32, file_name: '合同.pdf', media_type: 'application/pdf', size_bytes: 2_400_000 },
          ],
        }),
      },
    });
    const appeal = await screen.findByTestId('order-appeal');
    expect(appeal.textContent).toContain('销售服务 / 预付卡消费');
    expect(appeal.textContent).toContain('合同');
    const files = screen.getAllByTestId('order-attachment');
    expect(files.map((f) => f.textContent)).toEqual([expect.stringContaining('收据.jpg'), expect.stringContaining('合同.pdf')]);
    expect(files[1]?.textContent).toContain('2.3 MB');
    const link = screen.getByRole('link', { name: '下载 合同.pdf' });
    expect(link.getAttribute('href')).toMatch(/\/api\/v1\/orders\/7\/attachments\/32$/);
  });

  it('says so when no evidence was attached', async () => {
    page({ [ORDER]: { body: order() } });
    expect((await screen.findByTestId('order-evidence')).textContent).toContain('未上传证据材料。');
  });

  it('offers exactly the available actions', async () => {
    const first = page({ [ORDER]: { body: order({ available_actions: ['withdraw'] }) } });
    expect(await first.findByRole('button', { name: '撤回诉求' })).toBeTruthy();
    expect(screen.queryByTestId('rate-form')).toBeNull();
    first.unmount();

    const second = page({ [ORDER]: { body: order({ state: 'concluded', available_actions: ['rate'] }) } });
    expect(await second.findByTestId('rate-form')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '撤回诉求' })).toBeNull();
    second.unmount();

    page({ [ORDER]: { body: order({ state: 'archived', available_actions: [] }) } });
    expect(await screen.findByTestId('no-actions')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '撤回诉求' })).toBeNull();
    expect(screen.queryByTestId('rate-form')).toBeNull();
  });

  it('withdraws after a confirmation, with the reason and the version in If-Match', async () => {
    let current = order({ version: 3 });
    const { requests, user } = page({
      [ORDER]: () => ({ body: current }),
      [`POST ${ORDER}/actions`]: () => {
        current = order({ version: 4, state: 'concluded', available_actions: [], conclusion: { outcome: 'withdrawn' } as never });
        return { body: { id: 7, version: 4 } };
      },
    });
    await user.click(await screen.findByRole('button', { name: '撤回诉求' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('撤回原因（可选）'), '已与商家和解');
    await user.click(within(dialog).getByRole('button', { name: /确认撤回/ }));

    await waitFor(() => expect(screen.getByTestId('order-state').textContent).toBe('已办结'));
    expect(screen.getByTestId('order-outcome').textContent).toContain('已撤回');
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.headers.get('If-Match')).toBe('"3"');
    expect(post?.body).toEqual({ action: 'withdraw', reason: '已与商家和解' });
  });

  it('rates 1 to 5 stars', async () => {
    const { requests, user } = page({
      [ORDER]: { body: order({ state: 'concluded', available_actions: ['rate'], version: 9 }) },
      [`POST ${ORDER}/actions`]: { body: { id: 7, version: 10 } },
    });
    await screen.findByTestId('rate-form');
    await user.click(screen.getByRole('button', { name: '提交评价' }));
    expect(await screen.findByText('请先选择星级。')).toBeTruthy();
    const stars = screen.getAllByRole('radio');
    const fourth = stars[3];
    if (!fourth) throw new Error('five stars');
    await user.click(fourth);
    await user.click(screen.getByRole('button', { name: '提交评价' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.body).toEqual({ action: 'rate', score: 4 });
    expect(post?.headers.get('If-Match')).toBe('"9"');
  });

  it('reloads the order and says so when it changed meanwhile (412)', async () => {
    let loads = 0;
    const { user } = page({
      [ORDER]: () => {
        loads += 1;
        return { body: loads === 1 ? order() : order({ state: 'accepted', version: 4, available_actions: [] }) };
      },
      [`POST ${ORDER}/actions`]: problem(412, 'precondition_failed', 'Changed.', '工单已被他人修改，请刷新后重试。'),
    });
    await user.click(await screen.findByRole('button', { name: '撤回诉求' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: /确认撤回/ }));
    expect(await screen.findByTestId('order-changed')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('order-state').textContent).toBe('已受理'));
    expect(loads).toBe(2);
    expect(screen.queryByRole('button', { name: '撤回诉求' })).toBeNull();
  });

  it('says plainly when the order is not there', async () => {
    page({ [ORDER]: problem(404, 'not_found', 'Not found.', '该工单不存在。') });
    expect(await screen.findByTestId('order-not-found')).toBeTruthy();
  });
});
