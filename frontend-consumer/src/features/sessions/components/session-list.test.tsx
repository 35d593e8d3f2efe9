import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { meQueryKey, setMe } from '@/lib/auth';
import { mockFetch } from '@/testing/fetch-mock';
import { consumer } from '@/testing/me-data';
import { createTestQueryClient, renderWithProviders } from '@/testing/render';
import { SessionList } from './session-list';
import { SignOutEverywhereButton } from './sign-out-everywhere-button';

const sessions = [
  {
    handle: 'h-current',
    current: true,
    created_at: 1_795_000_000,
    last_seen: 1_795_000_600,
    expires_at: 1_797_000_000,
    ip: '127.0.0.1',
    user_agent: 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Mobile Safari/537.36',
  },
  {
    handle: 'h-other',
    current: false,
    created_at: 1_794_000_000,
    last_seen: 1_794_500_000,
    expires_at: 1_797_000_000,
    ip: '10.0.0.8',
    user_agent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1',
  },
];

function signedIn() {
  const queryClient = createTestQueryClient();
  setMe(queryClient, consumer);
  return queryClient;
}

describe('SessionList', () => {
  it('names each device, marks this one and offers to sign the others out', async () => {
    let list = sessions;
    const { calls } = mockFetch({
      '/api/v1/me/sessions': () => ({ body: { items: list } }),
      'DELETE /api/v1/me/sessions/h-other': () => {
        list = sessions.slice(0, 1);
        return { status: 204 };
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<SessionList />, { queryClient: signedIn() });

    const cards = await screen.findAllByTestId('session');
    expect(cards).toHaveLength(2);
    expect(within(cards[0]!).getByRole('heading').textContent).toContain('Chrome · Android');
    expect(within(cards[0]!).getByText('本机')).toBeTruthy();
    expect(within(cards[0]!).queryByRole('button')).toBeNull();
    expect(within(cards[1]!).getByRole('heading').textContent).toContain('Safari · iOS');
    expect(within(cards[1]!).getByText('10.0.0.8')).toBeTruthy();

    await user.click(within(cards[1]!).getByRole('button', { name: '将 Safari · iOS 下线' }));
    await waitFor(() => expect(screen.getAllByTestId('session')).toHaveLength(1));
    expect(calls).toContain('DELETE /api/v1/me/sessions/h-other');
  });
});

describe('SignOutEverywhereButton', () => {
  it('asks first, then signs out everywhere and forgets the user', async () => {
    const { calls } = mockFetch({ 'DELETE /api/v1/me/sessions': { status: 204 } });
    const onDone = vi.fn();
    const user = userEvent.setup();
    const client = signedIn();
    const me = client.getQueryData<{ user_id: number }>(meQueryKey);
    const draft = `weiquan.appealDraft.${me?.user_id ?? 0}`;
    localStorage.setItem(draft, '{"values":{},"key":"k"}');
    const { queryClient } = renderWithProviders(<SignOutEverywhereButton onDone={onDone} />, { queryClient: client });

    const opener = screen.getByRole('button', { name: /退出所有设备/ });
    await user.click(opener);
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('包括本机在内的所有设备都将退出登录');
    await user.click(within(dialog).getByRole('button', { name: /取\s*消/ }));
    expect(calls.filter((c) => c.startsWith('DELETE'))).toEqual([]);

    await user.click(opener);
    const again = await screen.findByRole('dialog');
    await user.click(within(again).getByRole('button', { name: /退出所有设备/ }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(calls).toContain('DELETE /api/v1/me/sessions');
    expect(queryClient.getQueryData(meQueryKey)).toBeNull();
    // Signing out on purpose also drops the unfinished appeal kept in this browser.
    expect(localStorage.getItem(draft)).toBeNull();
  });
});
