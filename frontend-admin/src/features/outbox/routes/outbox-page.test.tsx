import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setMe } from '@/lib/auth';
import { mockFetch } from '@/testing/fetch-mock';
import { orgAdmin } from '@/testing/me-data';
import { createTestQueryClient, renderWithProviders } from '@/testing/render';
import { OutboxPage } from './outbox-page';

const parked = {
  id: 42,
  channel: 'sms',
  recipient: '138****5678',
  template: 'order_progress',
  locale: 'zh-CN',
  attempts: 8,
  last_error: 'permanent failure: gateway refused: 400',
  created_at: '2026-11-30T02:00:00Z',
  last_attempt_at: '2026-11-30T02:10:00Z',
};

describe('OutboxPage', () => {
  it('lists parked messages and queues one again', async () => {
    let rows = [parked];
    const { calls } = mockFetch({
      '/api/v1/outbox/parked?limit=200': () => ({ body: rows }),
      'POST /api/v1/outbox/42/requeue': () => {
        rows = [];
        return { status: 204 };
      },
    });
    const queryClient = createTestQueryClient();
    setMe(queryClient, { ...orgAdmin, capabilities: [...orgAdmin.capabilities, 'manage_outbox'] });
    const user = userEvent.setup();
    renderWithProviders(<OutboxPage />, { queryClient });
    const row = (await screen.findByText('138****5678')).closest('tr')!;
    expect(within(row).getByText('permanent failure: gateway refused: 400')).toBeTruthy();
    await user.click(within(row).getByRole('button', { name: '重新投递第 42 条消息' }));
    await waitFor(() => expect(calls).toContain('POST /api/v1/outbox/42/requeue'));
    expect(await screen.findByText('暂无投递失败的消息')).toBeTruthy();
  }, 60_000);
});
