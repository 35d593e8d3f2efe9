import { useState } from 'react';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setMe } from '@/lib/auth';
import { dialogue, message } from '@/testing/dialogue-data';
import { stubEventSource } from '@/testing/event-source';
import { mockFetch, problem, type MockRoutes } from '@/testing/fetch-mock';
import { handler } from '@/testing/me-data';
import { createTestQueryClient, renderWithProviders } from '@/testing/render';
import type { Party } from '../api/types';
import { DialoguePanel } from './dialogue-panel';

const MESSAGES = '/api/v1/orders/7/messages?limit=200';

const consumerSays = message({ id: 1, author: { party: 'consumer', name: '张三', org_name: null, mine: false }, body: '商家拒绝退款。' });
const note = message({
  id: 2,
  author: { party: 'mediator', name: '深圳市南山区市场监督管理局', org_name: null, mine: true },
  internal: true,
  body: '商家曾有类似投诉。',
});

function panel(routes: MockRoutes, myParty: Party = 'mediator') {
  const streams = stubEventSource();
  const server = mockFetch(routes);
  const queryClient = createTestQueryClient();
  setMe(queryClient, handler);
  const user = userEvent.setup();
  const view = renderWithProviders(<DialoguePanel orderId={7} myParty={myParty} orderState="mediating" />, { queryClient });
  return { ...server, ...view, user, streams };
}

describe('DialoguePanel (staff console)', () => {
  it('marks internal notes and offers staff the internal-note switch', async () => {
    const saved = message({ ...note, id: 3, body: '请商家明日答复。' });
    const { user, requests } = panel({
      [MESSAGES]: { body: dialogue({ items: [consumerSays, note], can_post_internal: true, my_read_up_to: null }) },
      'POST /api/v1/orders/7/messages': { status: 201, body: saved },
      'POST /api/v1/orders/7/messages/read': { status: 204 },
    });
    const items = await screen.findAllByTestId('dialogue-message');
    expect(items[0]?.textContent).toContain('消费者');
    expect(items[0]?.textContent).toContain('张三');
    expect(items[1]?.getAttribute('data-internal')).toBe('true');
    expect(within(items[1] as HTMLElement).getByTestId('internal-tag').textContent).toContain('内部备注');
    // The consumer's message is marked read as it is shown.
    await waitFor(() =>
      expect(requests.filter((r) => r.key === '/api/v1/orders/7/messages/read').map((r) => r.body)).toEqual([{ up_to: 1 }]),
    );

    const toggle = screen.getByRole('checkbox', { name: '内部备注（消费者和经营者不可见）' });
    await user.click(toggle);
    expect(screen.getByRole('button', { name: '保存内部备注' })).toBeTruthy();
    await user.click(screen.getByLabelText('消息内容'));
    await user.paste('请商家明日答复。');
    await user.click(screen.getByRole('button', { name: '保存内部备注' }));
    await waitFor(() => expect(screen.getAllByTestId('dialogue-message')).toHaveLength(3));
    const post = requests.find((r) => r.method === 'POST' && r.key === '/api/v1/orders/7/messages');
    expect(post?.body).toEqual({ body: '请商家明日答复。', internal: true, attachments: [] });
    expect(post?.headers.get('X-CSRF-Token')).toBe('csrf-handler');
    // The switch goes back to a public message after each note.
    expect((screen.getByRole('checkbox', { name: '内部备注（消费者和经营者不可见）' }) as HTMLInputElement).checked).toBe(false);
  }, 40_000);

  it('gives the business no internal-note switch', async () => {
    panel({ [MESSAGES]: { body: dialogue({ items: [consumerSays], can_post_internal: false, my_read_up_to: 1 }) } }, 'business');
    expect(await screen.findByLabelText('消息内容')).toBeTruthy();
    expect(screen.queryByTestId('dialogue-internal')).toBeNull();
    expect(screen.getByText(/请勿索要消费者的联系方式/)).toBeTruthy();
  });

  it('appends a live message once (a duplicate id is ignored) and says the stream is live', async () => {
    const { streams } = panel({
      [MESSAGES]: { body: dialogue({ items: [consumerSays], my_read_up_to: 1, can_post_internal: true }) },
      'POST /api/v1/orders/7/messages/read': { status: 204 },
    });
    await screen.findAllByTestId('dialogue-message');
    await waitFor(() => expect(streams).toHaveLength(1));
    const live = message({ id: 4, author: { party: 'business', name: '深圳某某餐饮有限公司', org_name: null, mine: false }, body: '同意退款。' });
    act(() => {
      streams[0]?.open();
      streams[0]?.emit('message', live, '4');
      streams[0]?.emit('message', live, '4');
    });
    await waitFor(() => expect(screen.getAllByTestId('dialogue-message').map((m) => m.getAttribute('data-message-id'))).toEqual(['1', '4']));
    expect(screen.getByTestId('dialogue-panel').getAttribute('data-live')).toBe('true');
  });

  it('says how long to wait after too many messages', async () => {
    const { user } = panel({
      [MESSAGES]: { body: dialogue({ items: [], can_post_internal: true }) },
      'POST /api/v1/orders/7/messages': {
        ...problem(429, 'too_many_requests', 'Too many messages.', '发送过于频繁。'),
        headers: { 'retry-after': '12' },
      },
    });
    await user.click(await screen.findByLabelText('消息内容'));
    await user.paste('你好');
    await user.keyboard('{Meta>}{Enter}{/Meta}');
    expect((await screen.findByTestId('dialogue-rate-limited')).textContent).toMatch(/请 1[12] 秒后再发送/);
  });

  it('shows a closed dialogue read-only', async () => {
    panel({ [MESSAGES]: { body: dialogue({ items: [consumerSays], open: false, can_post: false, can_post_internal: false }) } });
    expect(await screen.findByTestId('dialogue-closed')).toBeTruthy();
    expect(screen.queryByLabelText('消息内容')).toBeNull();
  });

  it('reads the dialogue again when the order’s state changes on the page (it was concluded)', async () => {
    let closed = false;
    function Moving() {
      const [state, setState] = useState('mediating');
      return (
        <>
          <button type="button" onClick={() => setState('concluded')}>办结</button>
          <DialoguePanel orderId={7} myParty="mediator" orderState={state} />
        </>
      );
    }
    stubEventSource();
    const { calls } = mockFetch({
      [MESSAGES]: () => ({ body: dialogue(closed ? { items: [consumerSays], open: false, can_post: false } : { items: [consumerSays] }) }),
      'POST /api/v1/orders/7/messages/read': { status: 204 },
    });
    const queryClient = createTestQueryClient();
    setMe(queryClient, handler);
    const user = userEvent.setup();
    renderWithProviders(<Moving />, { queryClient });
    expect(await screen.findByLabelText('消息内容')).toBeTruthy();
    closed = true;
    await user.click(screen.getByRole('button', { name: '办结' }));
    expect((await screen.findByTestId('dialogue-closed')).textContent).toContain('本诉求已办结，对话仅供查看');
    expect(screen.queryByLabelText('消息内容')).toBeNull();
    expect(calls.filter((c) => c === MESSAGES)).toHaveLength(2);
  });
});
