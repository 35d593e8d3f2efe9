import { expect, test } from '../support/fixtures';

test.describe('staff console', () => {
  test('status page shows PostgreSQL and Redis up', async ({ page, checkA11y }, testInfo) => {
    await page.goto('/admin/status');
    await expect(page).toHaveTitle(/管理后台/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('系统状态');
    await expect(page.getByTestId('readiness-summary')).toContainText('所有依赖服务运行正常');
    await expect(page.getByTestId('dependency-postgres-state')).toHaveText('正常');
    await expect(page.getByTestId('dependency-redis-state')).toHaveText('正常');
    await expect(page.getByRole('heading', { level: 2, name: 'PostgreSQL 数据库' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
    await checkA11y('admin status');
    await page.screenshot({ path: testInfo.outputPath('admin-status.png'), fullPage: true });
  });

  test('refresh checks again', async ({ page }) => {
    await page.goto('/admin/status');
    await expect(page.getByTestId('dependency-redis-state')).toHaveText('正常');
    const again = page.waitForResponse((r) => r.url().endsWith('/api/health/ready'));
    await page.getByRole('button', { name: /刷\s*新/ }).click();
    expect((await again).status()).toBe(200);
    await expect(page.getByText(/上次检查/)).toBeVisible();
  });

  test('the console root opens the status page', async ({ page }) => {
    await page.goto('/admin/');
    await expect(page).toHaveURL(/\/admin\/status$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('系统状态');
  });

  test('the sign-in page asks for both fields before sending anything', async ({ page, checkA11y }) => {
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') posts.push(r.url());
    });
    await page.goto('/admin/login');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('工作人员登录');
    await page.getByRole('button', { name: /^登\s*录$/ }).click();
    await expect(page.getByText('请输入用户名')).toBeVisible();
    await expect(page.getByText('请输入密码')).toBeVisible();
    expect(posts).toEqual([]);
    await checkA11y('admin login with field errors');
  });

  test('switching to English changes the console text', async ({ page, checkA11y }) => {
    await page.goto('/admin/status');
    await expect(page.getByTestId('dependency-redis-state')).toHaveText('正常');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('System status');
    await expect(page.getByTestId('dependency-postgres-state')).toHaveText('Up');
    await expect(page.getByRole('link', { name: 'System status' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await checkA11y('admin status in English');
  });
});

test.describe('staff console when a dependency is down', () => {
  test('status page renders the 503 problem', async ({ page, diagnostics, checkA11y }) => {
    // The real server's dependencies are up, so the 503 is played back in the browser.
    diagnostics.allow(/\/api\/health\/ready$/);
    await page.route('**/api/health/ready', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: '/problems/service_unavailable',
          title: 'Service Unavailable',
          status: 503,
          code: 'service_unavailable',
          detail: 'Redis is unreachable.',
          detail_zh: 'Redis 无法连接。',
          unavailable: ['redis'],
        }),
      }),
    );
    await page.goto('/admin/status');
    await expect(page.getByTestId('readiness-summary')).toContainText('部分依赖服务不可用');
    await expect(page.getByTestId('readiness-summary')).toContainText('Redis 无法连接。');
    await expect(page.getByTestId('dependency-postgres-state')).toHaveText('正常');
    await expect(page.getByTestId('dependency-redis-state')).toHaveText('不可用');
    await checkA11y('admin status, redis down');
  });
});
