import { useState } from 'react';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { message, dialogue } from '@/testing/dialogue-data';
import { stubEventSource } from '@/testing/event-source';
import { mockFetch, problem, type MockRoutes } from '@/testing/fetch-mock';
import { setMe } from '@/lib/auth';
import { consumer, signedIn } from '@/testing/me-data';
import { createTestQueryClient, renderWithProviders } from '@/testing/render';
import type { UploadFile } from '../api/types';
import { DialoguePanel } from './dialogue-panel';

const MESSAGES = '/api/v1/orders/7/messages?limit=200';

function panel(routes: MockRoutes, props: { orderState?: string; upload?: UploadFile } = {}) {
  const streams = stubEventSource();
  const server = mockFetch({ '/api/v1/me': signedIn(), ...routes });
  const user = userEvent.setup();
  // Signed in, as the page around the panel would have established.
  const queryClient = createTestQueryClient();
  setMe(queryClient, consumer);
  const view = renderWithProviders(<DialoguePanel orderId={7} myParty="consumer" orderState={props.orderState ?? 'mediating'} upload={props.upload} />, { queryClient });
  return { ...server, ...view, user, streams };
}

const texts = () => screen.getAllByTestId('dialogue-message').map((m) => m.getAttribute('data-message-id'));

describe('DialoguePanel (consumer)', () => {
  it('shows who wrote each message, its files and whether the others have read mine', async () => {
    panel({ [MESSAGES]: { body: dialogue() } });
    const [first, second] = await screen.findAllByTestId('dialogue-message');
    expect(first?.textContent).toContain('调解方');
    expect(first?.textContent).toContain('深圳市南山区市场监督管理局');
    expect(first?.textContent).toContain('请补充购买凭证');
    expect(second?.textContent).toContain('我');
    const link = within(second as HTMLElement).getByRole('link', { name: '下载 收据.jpg' });
    expect(link.getAttribute('href')).toMatch(/\/api\/v1\/orders\/7\/messages\/attachments\/31$/);
    expect(within(second as HTMLElement).getByTestId('message-read').textContent).toBe('对方已读（调解方）');
    expect(screen.getByLabelText('消息内容')).toBeTruthy();
    // The consumer never gets the staff's internal-note switch.
    expect(screen.queryByTestId('dialogue-internal')).toBeNull();
    expect(screen.queryByText('内部备注（消费者和经营者不可见）')).toBeNull();
  });

  it('sends with Ctrl+Enter and shows the message once, even when the stream repeats it', async () => {
    const sent = message({ id: 3, author: { party: 'consumer', name: '张三', org_name: null, mine: true }, body: '请问何时退款？' });
    const { user, requests, streams } = panel({
      [MESSAGES]: { body: dialogue() },
      'POST /api/v1/orders/7/messages': { status: 201, body: sent },
    });
    const box = await screen.findByLabelText('消息内容');
    await user.click(box);
    await user.paste('  请问何时退款？  ');
    expect(screen.getByText(/\/ 2000/)).toBeTruthy();
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(texts()).toEqual(['1', '2', '3']));
    const post = requests.find((r) => r.method === 'POST' && r.key === '/api/v1/orders/7/messages');
    expect(post?.body).toEqual({ body: '请问何时退款？', internal: false, attachments: [] });
    expect(post?.headers.get('X-CSRF-Token')).toBe('csrf-consumer-1');
    expect((box as HTMLTextAreaElement).value).toBe('');
    act(() => streams[0]?.emit('message', sent, '3'));
    expect(texts()).toEqual(['1', '2', '3']);
  });

  it('attaches files through the upload flow and names them in the message', async () => {
    const upload = vi.fn<UploadFile>(async (file, onProgress) => {
      onProgress(100);
      return { id: 51, file_name: file.name, media_type: 'image/png', size_bytes: file.size };
    });
    const { user, requests } = panel(
      {
        [MESSAGES]: { body: dialogue() },
        'POST /api/v1/orders/7/messages': {
          status: 201,
          body: message({ id: 3, author: { party: 'consumer', name: '张三', org_name: null, mine: true }, body: '照片', attachments: [{ id: 51, name: '照片.png', media_type: 'image/png', size: 4 }] }),
        },
      },
      { upload },
    );
    await screen.findByRole('button', { name: /添加附件/ });
    const input = document.querySelector<HTMLInputElement>('.wq-dialogue-composer input[type="file"]');
    await user.upload(input as HTMLInputElement, new File(['data'], '照片.png', { type: 'image/png' }));
    const attached = await screen.findByTestId('dialogue-attached');
    expect(attached.textContent).toContain('照片.png');
    await user.click(screen.getByLabelText('消息内容'));
    await user.paste('照片');
    await user.click(screen.getByRole('button', { name: /发\s*送/ }));
    await waitFor(() => expect(screen.queryByTestId('dialogue-attached')).toBeNull());
    const post = requests.find((r) => r.method === 'POST' && r.key === '/api/v1/orders/7/messages');
    expect(post?.body).toEqual({ body: '照片', internal: false, attachments: [51] });
    expect(screen.getByRole('link', { name: '下载 照片.png' })).toBeTruthy();
  }, 40_000);

  it('does not send an empty message', async () => {
    const { user } = panel({ [MESSAGES]: { body: dialogue() } });
    const box = await screen.findByLabelText('消息内容');
    await user.click(box);
    await user.paste('   ');
    expect(screen.getByRole('button', { name: /发\s*送/ }).hasAttribute('disabled')).toBe(true);
  });

  it('appends a live message once and ignores a duplicate id', async () => {
    const { streams } = panel({ [MESSAGES]: { body: dialogue() } });
    await screen.findAllByTestId('dialogue-message');
    await waitFor(() => expect(streams).toHaveLength(1));
    const stream = streams[0]!;
    // Resumes after the newest message it already has.
    expect(stream.url).toMatch(/\/api\/v1\/orders\/7\/messages\/stream\?last_event_id=2$/);
    expect(stream.withCredentials).toBe(true);
    act(() => stream.open());
    expect((await screen.findByTestId('dialogue-live')).textContent).toBe('实时');
    const live = message({ id: 5, author: { party: 'business', name: '深圳某某餐饮有限公司', org_name: null, mine: false }, body: '可以全额退款。' });
    act(() => stream.emit('message', live, '5'));
    act(() => stream.emit('message', live, '5'));
    await waitFor(() => expect(texts()).toEqual(['1', '2', '5']));
    expect(screen.getByText('可以全额退款。')).toBeTruthy();
    // A message for another order on the same connection is not this dialogue's.
    act(() => stream.emit('message', { ...live, id: 6, order_id: 8 }, '6'));
    expect(texts()).toEqual(['1', '2', '5']);
  });

  it('marks what it shows as read and applies the others\' read receipts live', async () => {
    const { streams, requests } = panel({
      [MESSAGES]: { body: dialogue({ read_receipts: [] }) },
      'POST /api/v1/orders/7/messages/read': { status: 204 },
    });
    await screen.findAllByTestId('dialogue-message');
    await waitFor(() => expect(streams).toHaveLength(1));
    expect(screen.queryByTestId('message-read')).toBeNull();
    act(() => streams[0]?.emit('message', message({ id: 4, body: '请稍候。' }), '4'));
    await waitFor(() =>
      expect(requests.filter((r) => r.key === '/api/v1/orders/7/messages/read').map((r) => r.body)).toEqual([{ up_to: 4 }]),
    );
    act(() => streams[0]?.emit('read', { party: 'business', read_up_to: 4 }));
    expect((await screen.findByTestId('message-read')).textContent).toBe('对方已读（经营者）');
  });

  it('opens a new stream after the old one was refused, resuming after the newest message', async () => {
    const { streams } = panel({ [MESSAGES]: { body: dialogue() } });
    await waitFor(() => expect(streams).toHaveLength(1));
    act(() => streams[0]?.emit('message', message({ id: 9 }), '9'));
    act(() => streams[0]?.fail(true));
    await waitFor(() => expect(streams).toHaveLength(2), { timeout: 3000 });
    expect(streams[1]?.url).toMatch(/last_event_id=9$/);
    // A passing hiccup is the browser's to retry (with Last-Event-ID): no new stream.
    act(() => streams[1]?.fail(false));
    expect(streams).toHaveLength(2);
  });

  it('shows a closed dialogue read-only, without the composer', async () => {
    panel({ [MESSAGES]: { body: dialogue({ open: false, can_post: false }) } }, { orderState: 'concluded' });
    expect((await screen.findByTestId('dialogue-closed')).textContent).toContain('本诉求已办结，对话仅供查看');
    expect(screen.queryByLabelText('消息内容')).toBeNull();
    expect(screen.getAllByTestId('dialogue-message')).toHaveLength(2);
  });

  it('says when the dialogue is not open yet', async () => {
    panel({ [MESSAGES]: { body: dialogue({ items: [], open: false, can_post: false }) } }, { orderState: 'received' });
    expect((await screen.findByTestId('dialogue-closed')).textContent).toContain('对话尚未开放');
    expect(screen.getByTestId('dialogue-empty').textContent).toBe('还没有消息。');
  });

  it('says how long to wait after too many messages and keeps the text', async () => {
    const { user } = panel({
      [MESSAGES]: { body: dialogue() },
      'POST /api/v1/orders/7/messages': {
        ...problem(429, 'too_many_requests', 'Too many messages.', '发送过于频繁。'),
        headers: { 'retry-after': '30' },
      },
    });
    const box = await screen.findByLabelText('消息内容');
    await user.click(box);
    await user.paste('再问一次');
    await user.click(screen.getByRole('button', { name: /发\s*送/ }));
    expect((await screen.findByTestId('dialogue-rate-limited')).textContent).toMatch(/发送过于频繁，请 (30|29) 秒后再发送。/);
    expect((box as HTMLTextAreaElement).value).toBe('再问一次');
    expect(screen.getByRole('button', { name: /发\s*送/ }).hasAttribute('disabled')).toBe(true);
  });

  it('shows the server\'s field message under the text', async () => {
    const { user } = panel({
      [MESSAGES]: { body: dialogue() },
      'POST /api/v1/orders/7/messages': problem(422, 'validation_failed', 'Invalid.', '填写有误。', {
        errors: [{ field: 'body', code: 'length', message: 'At most 2000 characters.', message_zh: '最多 2000 字。' }],
      }),
    });
    await user.click(await screen.findByLabelText('消息内容'));
    await user.paste('你好');
    await user.click(screen.getByRole('button', { name: /发\s*送/ }));
    expect((await screen.findByText('最多 2000 字。')).getAttribute('role')).toBe('alert');
  });

  it('reloads into the closed banner when the order closed meanwhile (409)', async () => {
    let closed = false;
    const { user } = panel({
      [MESSAGES]: () => ({ body: dialogue(closed ? { open: false, can_post: false } : {}) }),
      'POST /api/v1/orders/7/messages': () => {
        closed = true;
        return problem(409, 'dialogue_closed', 'The dialogue is closed.', '对话已关闭。');
      },
    }, { orderState: 'concluded' });
    await user.click(await screen.findByLabelText('消息内容'));
    await user.paste('你好');
    await user.click(screen.getByRole('button', { name: /发\s*送/ }));
    expect(await screen.findByTestId('dialogue-closed')).toBeTruthy();
    expect(screen.queryByLabelText('消息内容')).toBeNull();
  });

  it('renders nothing for someone without a dialogue on the order', async () => {
    const { calls } = panel({ [MESSAGES]: problem(404, 'not_found', 'Not found.', '未找到。') });
    await waitFor(() => expect(calls).toContain(MESSAGES));
    await waitFor(() => expect(screen.queryByTestId('dialogue-panel')).toBeNull());
  });

  it('reads the dialogue again when the order’s state changes on the page (a settlement accepted)', async () => {
    let closed = false;
    function Moving() {
      const [state, setState] = useState('with_enterprise');
      return (
        <>
          <button type="button" onClick={() => setState('concluded')}>办结</button>
          <DialoguePanel orderId={7} myParty="consumer" orderState={state} />
        </>
      );
    }
    stubEventSource();
    const { calls } = mockFetch({
      '/api/v1/me': signedIn(),
      [MESSAGES]: () => ({ body: dialogue(closed ? { open: false, can_post: false } : {}) }),
    });
    const user = userEvent.setup();
    const queryClient = createTestQueryClient();
    setMe(queryClient, consumer);
    renderWithProviders(<Moving />, { queryClient });
    expect(await screen.findByLabelText('消息内容')).toBeTruthy();
    closed = true;
    await user.click(screen.getByRole('button', { name: '办结' }));
    expect((await screen.findByTestId('dialogue-closed')).textContent).toContain('本诉求已办结，对话仅供查看');
    expect(screen.queryByLabelText('消息内容')).toBeNull();
    expect(calls.filter((c) => c === MESSAGES)).toHaveLength(2);
  });
});
