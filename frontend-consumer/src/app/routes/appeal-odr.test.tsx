// /appeals/:id with an enterprise's settlement (issue 5): the pending proposal with 接受 /
// 拒绝 (a reason required), then settled with the amount, or back at the bureau.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { mockFetch, type MockRoutes } from '@/testing/fetch-mock';
import { signedIn } from '@/testing/me-data';
import { order } from '@/testing/orders-data';
import { renderRoutes } from '@/testing/render';
import { AppealRoute } from './appeal';

// The first test of a file loads antd and the routes: slow on a busy 2-core machine.
vi.setConfig({ testTimeout: 60_000 });

const ORDER = '/api/v1/orders/7';

const proposal = {
  remedy: 'refund',
  amount_fen: 128000,
  terms: '3 个工作日内原路退回货款',
  proposed_at: '2026-11-29T03:00:00Z',
  status: 'pending',
};

const odr = (extra: object = {}) => ({
  enterprise_org_id: 4001,
  enterprise_name: '深圳维权演示科技有限公司',
  dispatched_on: '2026-11-20',
  due_on: '2026-12-04',
  first_answer_at: '2026-11-29T03:00:00Z',
  outcome: null,
  proposal,
  ...extra,
});

const withOdr = (extra: object = {}, odrExtra: object = {}) =>
  order({
    state: 'with_enterprise',
    version: 5,
    available_actions: ['accept_enterprise_settlement', 'reject_settlement'],
    ...extra,
    ...({ odr: odr(odrExtra) } as object),
  });

function page(routes: MockRoutes) {
  const server = mockFetch({ '/api/v1/me': signedIn(), ...routes });
  const user = userEvent.setup();
  const view = renderRoutes([{ path: '/appeals/:id', element: <AppealRoute /> }], { path: '/appeals/7' });
  return { ...server, ...view, user };
}

describe('/appeals/:id — the enterprise settlement', () => {
  it('shows the pending proposal: remedy, amount, terms and the deadline', async () => {
    page({ [ORDER]: { body: withOdr() } });
    const card = await screen.findByTestId('odr-settlement');
    expect(card.textContent).toContain('深圳维权演示科技有限公司 向您提出了以下和解方案');
    const facts = within(card).getByTestId('odr-proposal');
    expect(facts.textContent).toContain('退款');
    expect(within(facts).getByTestId('odr-amount').textContent).toBe('¥1,280.00');
    expect(facts.textContent).toContain('3 个工作日内原路退回货款');
    expect(within(card).getByTestId('odr-deadline').textContent).toContain('2026-12-04');
    expect(within(card).getByRole('button', { name: /^接\s*受$/ })).toBeTruthy();
    expect(within(card).getByRole('button', { name: /^拒\s*绝$/ })).toBeTruthy();
    expect(screen.getByTestId('no-actions').textContent).toContain('企业和解');
  });

  it('accepts after a confirmation, without an amount, with the version in If-Match; then shows it settled', async () => {
    let current = withOdr();
    const { requests, user } = page({
      [ORDER]: () => ({ body: current }),
      [`POST ${ORDER}/actions`]: () => {
        current = withOdr(
          { state: 'concluded', version: 6, available_actions: ['rate'], conclusion: { outcome: 'settled', recovered_fen: 128000, by_enterprise: true } as never },
          { outcome: 'settled', proposal: { ...proposal, status: 'accepted' } },
        );
        return { body: { id: 7, version: 6 } };
      },
    });
    await user.click(await screen.findByRole('button', { name: /^接\s*受$/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: /确认接受/ }));
    await waitFor(() => expect(screen.getByTestId('odr-outcome').textContent).toContain('挽回损失 ¥1,280.00'));
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.headers.get('If-Match')).toBe('"5"');
    expect(post?.body).toEqual({ action: 'accept_enterprise_settlement' });
    expect(screen.getByTestId('order-state').textContent).toBe('已办结');
    // Settled by the enterprise, not by a bureau's mediation.
    expect(screen.getByTestId('order-outcome').textContent).toContain('企业和解成功');
    expect(screen.getByTestId('order-outcome').textContent).not.toContain('调解成功');
    expect(screen.queryByRole('button', { name: /^接\s*受$/ })).toBeNull();
  });

  it('rejects only with a reason; then says the bureau handles it', async () => {
    let current = withOdr();
    const { requests, user } = page({
      [ORDER]: () => ({ body: current }),
      [`POST ${ORDER}/actions`]: () => {
        current = withOdr(
          { state: 'received', version: 6, available_actions: ['withdraw'] },
          { outcome: 'rejected', proposal: { ...proposal, status: 'rejected' } },
        );
        return { body: { id: 7, version: 6 } };
      },
    });
    await user.click(await screen.findByRole('button', { name: /^拒\s*绝$/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: /确认拒绝/ }));
    expect(await within(dialog).findByText('请填写拒绝理由')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    await user.click(within(dialog).getByLabelText('拒绝理由'));
    await user.paste('  只同意退一半，不接受  ');
    await user.click(within(dialog).getByRole('button', { name: /确认拒绝/ }));
    await waitFor(() => expect(screen.getByTestId('odr-outcome').textContent).toContain('深圳市南山区市场监督管理局 按普通程序处理'));
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.body).toEqual({ action: 'reject_settlement', reason: '只同意退一半，不接受' });
    expect(post?.headers.get('If-Match')).toBe('"5"');
  });

  it('while the enterprise has not proposed, says by when it must', async () => {
    page({ [ORDER]: { body: withOdr({ available_actions: ['withdraw'] }, { proposal: null, first_answer_at: null }) } });
    expect((await screen.findByTestId('odr-waiting')).textContent).toContain('2026-12-04 前');
    expect(screen.queryByRole('button', { name: /^接\s*受$/ })).toBeNull();
  });

  it('shows nothing about settlement for an order that never went to an enterprise', async () => {
    page({ [ORDER]: { body: order() } });
    await screen.findByTestId('order-actions');
    expect(screen.queryByTestId('odr-settlement')).toBeNull();
  });
});
