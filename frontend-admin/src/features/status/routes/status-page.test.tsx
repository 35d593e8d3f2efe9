import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { mockFetch } from '@/testing/fetch-mock';
import { readyBody, redisDownProblem } from '@/testing/health-data';
import { renderWithProviders } from '@/testing/render';
import { StatusPage } from './status-page';

const stateOf = (name: string) => screen.getByTestId(`dependency-${name}-state`).textContent;

describe('StatusPage', () => {
  it('shows both dependencies up with their latency when ready (200)', async () => {
    mockFetch({ '/api/health/ready': { body: readyBody } });
    renderWithProviders(<StatusPage />);

    const summary = await screen.findByTestId('readiness-summary');
    expect(summary.textContent).toContain('所有依赖服务运行正常');
    expect(stateOf('postgres')).toBe('正常');
    expect(stateOf('redis')).toBe('正常');
    expect(within(screen.getByTestId('dependency-postgres')).getByText('1.3 毫秒')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'PostgreSQL 数据库' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Redis 缓存' })).toBeTruthy();
  });

  it('shows which dependency is down, with the problem detail, when not ready (503)', async () => {
    mockFetch({ '/api/health/ready': { status: 503, body: redisDownProblem } });
    renderWithProviders(<StatusPage />);

    const summary = await screen.findByTestId('readiness-summary');
    expect(summary.textContent).toContain('部分依赖服务不可用');
    expect(summary.textContent).toContain('依赖服务不可用：redis。');
    expect(stateOf('postgres')).toBe('正常');
    expect(stateOf('redis')).toBe('不可用');
    expect(screen.getByTestId('dependency-redis').dataset.state).toBe('down');
  });

  it('shows the 503 in English when English is chosen', async () => {
    await i18n.changeLanguage('en');
    mockFetch({ '/api/health/ready': { status: 503, body: { ...redisDownProblem, unavailable: ['postgres', 'redis'] } } });
    renderWithProviders(<StatusPage />);

    const summary = await screen.findByTestId('readiness-summary');
    expect(summary.textContent).toContain('Some dependencies are down');
    expect(summary.textContent).toContain('A dependency is unreachable: redis.');
    expect(stateOf('postgres')).toBe('Down');
    expect(stateOf('redis')).toBe('Down');
  });

  it('marks both unknown when a 503 does not say what is down', async () => {
    const { unavailable: _unused, ...withoutList } = redisDownProblem;
    mockFetch({ '/api/health/ready': { status: 503, body: withoutList } });
    renderWithProviders(<StatusPage />);

    await screen.findByTestId('readiness-summary');
    expect(stateOf('postgres')).toBe('未知');
    expect(stateOf('redis')).toBe('未知');
  });

  it('shows an error with retry when the server cannot be reached', async () => {
    let reachable = false;
    mockFetch({
      '/api/health/ready': () => {
        if (!reachable) throw new TypeError('Failed to fetch');
        return { body: readyBody };
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<StatusPage />);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('无法获取系统状态');
    expect(alert.textContent).toContain('无法连接服务器，请检查网络后重试。');

    reachable = true;
    await user.click(within(alert).getByRole('button', { name: /重\s*试/ }));
    await waitFor(() => expect(stateOf('redis')).toBe('正常'));
  });

  it('refresh asks again and shows the new answer', async () => {
    let redisUp = true;
    const { calls } = mockFetch({
      '/api/health/ready': () =>
        redisUp ? { body: readyBody } : { status: 503, body: redisDownProblem },
    });
    const user = userEvent.setup();
    renderWithProviders(<StatusPage />);
    await screen.findByTestId('readiness-summary');
    expect(stateOf('redis')).toBe('正常');

    redisUp = false;
    await user.click(screen.getByRole('button', { name: /刷\s*新/ }));
    await waitFor(() => expect(stateOf('redis')).toBe('不可用'));
    expect(calls).toHaveLength(2);
    expect(screen.getByText(/上次检查/)).toBeTruthy();
  });
});
