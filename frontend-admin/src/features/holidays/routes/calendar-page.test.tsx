import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Me } from '@/lib/auth';
import { setMe } from '@/lib/auth';
import { mockFetch, problem, type MockRoutes } from '@/testing/fetch-mock';
import { handler, orgAdmin } from '@/testing/me-data';
import { createTestQueryClient, renderWithProviders } from '@/testing/render';
import { CalendarPage } from './calendar-page';

/** A button's name: antd puts a space between two Chinese characters (保存 → 保 存). */
const named = (text: string) => new RegExp(`^${[...text].join('\\s?')}$`);

const reader: Me = { ...handler, capabilities: ['view_org_tree', 'view_calendar'] };
const nationalAdmin: Me = {
  ...orgAdmin,
  org: { id: 1, name: '国家市场监督管理总局', kind: 'bureau', bureau_level: 'national', division_code: null },
  capabilities: ['view_org_tree', 'manage_members', 'view_calendar', 'manage_calendar'],
};

const summary = (year: number, status: 'entered' | 'provisional', holidays = 0, workdays = 0) => ({
  year,
  status,
  entered_at: status === 'entered' ? '2025-11-05T02:00:00Z' : null,
  entered_by: null,
  source: status === 'entered' ? '国办发明电〔2025〕7号' : null,
  holidays,
  workdays,
});

const YEARS = [summary(2027, 'provisional'), summary(2026, 'entered', 2, 1), summary(2025, 'entered', 1, 0)];

const Y2026 = {
  ...summary(2026, 'entered', 2, 1),
  days: [
    { date: '2026-01-01', kind: 'off', name_zh: '元旦', name_en: "New Year's Day" },
    { date: '2026-01-04', kind: 'work', name_zh: '元旦调休', name_en: null },
    { date: '2026-02-17', kind: 'off', name_zh: '春节', name_en: 'Spring Festival' },
  ],
};

function page(me: Me, routes: MockRoutes, path = '/calendar') {
  const server = mockFetch(routes);
  const queryClient = createTestQueryClient();
  setMe(queryClient, me);
  const user = userEvent.setup();
  renderWithProviders(<CalendarPage />, { queryClient, path });
  return { ...server, user };
}

describe('CalendarPage', () => {
  it('lists the years, entered or provisional, and shows a year with weekdays and kinds, read-only for staff', async () => {
    const { user } = page(reader, {
      '/api/v1/calendar/years': { body: YEARS },
      '/api/v1/calendar/years/2027': { body: { ...summary(2027, 'provisional'), days: [] } },
      '/api/v1/calendar/years/2026': { body: Y2026 },
    });
    const rows = await screen.findAllByTestId('calendar-year');
    expect(rows).toHaveLength(3);
    expect(rows[0]!.textContent).toContain('暂按工作日计算');
    expect(rows[1]!.textContent).toContain('已录入');
    // The newest year is shown first: provisional, so it explains instead of listing dates.
    expect(await screen.findByText(/2027 年的节假日安排尚未录入/)).toBeTruthy();
    await user.click(within(rows[1]!).getByRole('button', { name: '2026' }));
    const days = await screen.findAllByTestId('calendar-day');
    expect(days).toHaveLength(3);
    expect(days[0]!.textContent).toContain('周四');
    expect(days[0]!.textContent).toContain('法定节假日');
    expect(days[1]!.textContent).toContain('周日');
    expect(days[1]!.textContent).toContain('调休上班');
    // No editing for staff who may only read.
    expect(screen.queryByRole('button', { name: named('修改') })).toBeNull();
    expect(screen.queryByRole('button', { name: named('录入') })).toBeNull();
  });

  it('shows the error state with a retry', async () => {
    page(reader, {
      '/api/v1/calendar/years': problem(503, 'service_unavailable', 'Down.', '服务暂时不可用，请稍后重试。'),
    });
    expect(await screen.findByText('节假日安排加载失败')).toBeTruthy();
    expect(screen.getByRole('button', { name: named('重试') })).toBeTruthy();
  });

  it('lets a national administrator enter a year after a confirmation, showing the row errors the server names', async () => {
    let attempts = 0;
    const { user, requests } = page(
      nationalAdmin,
      {
        '/api/v1/calendar/years': { body: YEARS },
        '/api/v1/calendar/years/2027': { body: { ...summary(2027, 'provisional'), days: [] } },
        'PUT /api/v1/calendar/years/2027': ({ body }) => {
          attempts += 1;
          if (attempts === 1)
            return problem(422, 'validation_failed', 'Invalid.', '请求内容有误。', {
              errors: [
                {
                  field: 'days[1].kind',
                  code: 'work_on_weekday',
                  message: '2027-02-01 is a weekday.',
                  message_zh: '2027-02-01 是工作日：调休上班日只能是周六或周日。',
                },
              ],
            });
          const days = (body as { days: unknown[] }).days;
          return { body: { ...summary(2027, 'entered', 1, 1), days, orders_recomputed: 4, orders_changed: 2 } };
        },
      },
      '/calendar?year=2027',
    );
    await user.click(await screen.findByRole('button', { name: named('录入') }));
    const editor = await screen.findByTestId('year-editor');
    await user.type(within(editor).getByLabelText('依据文件'), '国办发明电〔2026〕7号');
    await user.click(screen.getByRole('button', { name: '添加日期' }));
    await user.type(screen.getByLabelText('第 1 行名称'), '元旦');
    await user.click(screen.getByRole('button', { name: '添加日期' }));
    const secondDate = screen.getByLabelText('第 2 行日期');
    await user.clear(secondDate);
    await user.type(secondDate, '2027-02-01');
    await user.type(screen.getByLabelText('第 2 行名称'), '春节调休');

    await user.click(screen.getByRole('button', { name: named('保存') }));
    // The confirmation says what saving does.
    expect(await screen.findByText(/替换 2027 年的全部日期/)).toBeTruthy();
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: named('保存') }));
    expect(await screen.findByTestId('row-error')).toBeTruthy();
    expect(screen.getByTestId('row-error').textContent).toContain('只能是周六或周日');
    const sent = requests.find((r) => r.method === 'PUT')!.body as { source: string; days: { date: string; kind: string; name_zh: string; name_en: string | null }[] };
    expect(sent.source).toBe('国办发明电〔2026〕7号');
    expect(sent.days).toEqual([
      { date: '2027-01-01', kind: 'off', name_zh: '元旦', name_en: null },
      { date: '2027-02-01', kind: 'off', name_zh: '春节调休', name_en: null },
    ]);

    // Fix the date and save again: the success message reports the recomputed orders.
    await user.clear(secondDate);
    await user.type(secondDate, '2027-02-06');
    await user.click(screen.getByRole('button', { name: named('保存') }));
    const again = await screen.findAllByRole('dialog');
    await user.click(within(again[again.length - 1]!).getByRole('button', { name: named('保存') }));
    expect(await screen.findByText(/重新计算 4 件工单，2 件期限有变化/)).toBeTruthy();
    await waitFor(() => expect(attempts).toBe(2));
  });
});
