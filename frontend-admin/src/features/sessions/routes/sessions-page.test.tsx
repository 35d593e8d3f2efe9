import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setMe } from '@/lib/auth';
import { mockFetch } from '@/testing/fetch-mock';
import { handler } from '@/testing/me-data';
import { createTestQueryClient, renderWithProviders } from '@/testing/render';
import { SessionsPage } from './sessions-page';

const session = (handle: string, current: boolean, userAgent: string, ip: string) => ({
  handle,
  current,
  created_at: 1_795_000_000,
  last_seen: 1_795_000_600,
  expires_at: 1_795_030_000,
  ip,
  user_agent: userAgent,
});

describe('SessionsPage', () => {
  it('marks this device and signs another one out with the CSRF token', async () => {
    let items = [
      session('h1', true, 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0 Safari/537.36', '127.0.0.1'),
      session('h2', false, 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0', '10.1.2.3'),
    ];
    const { requests } = mockFetch({
      '/api/v1/me/sessions': () => ({ body: { items } }),
      'DELETE /api/v1/me/sessions/h2': () => {
        items = items.slice(0, 1);
        return { status: 204 };
      },
    });
    const queryClient = createTestQueryClient();
    setMe(queryClient, handler);
    const user = userEvent.setup();
    renderWithProviders(<SessionsPage />, { queryClient });

    const rows = await screen.findAllByTestId('session');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('Headless Chrome · Linux');
    expect(within(rows[0]!).getByText('本机')).toBeTruthy();
    expect(within(rows[0]!).queryByRole('button')).toBeNull();
    await user.click(within(rows[1]!).getByRole('button', { name: '将 Firefox · Windows 下线' }));
    await waitFor(() => expect(screen.getAllByTestId('session')).toHaveLength(1));
    expect(requests.find((r) => r.method === 'DELETE')?.headers.get('X-CSRF-Token')).toBe('csrf-handler');
  });
});
