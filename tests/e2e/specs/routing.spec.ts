import { expect, test } from '../support/fixtures';

test.describe('deep links', () => {
  test('an unknown deep link serves the consumer app with its not-found page', async ({ page, checkA11y }) => {
    const response = await page.goto('/some/deep/link');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在');
    await expect(page.getByRole('banner')).toContainText('维权');
    await checkA11y('consumer not found');

    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在');
    await page.getByRole('button', { name: /返回首页/ }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('消费者权益保护，一站办理');
  });

  test('reloading /admin/status serves the admin app', async ({ page }) => {
    await page.goto('/admin/status');
    await expect(page.getByTestId('dependency-postgres-state')).toHaveText('正常');
    const response = await page.reload();
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(/管理后台/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('系统状态');
    await expect(page.getByTestId('dependency-postgres-state')).toHaveText('正常');
  });

  test('an unknown admin page shows the console’s not-found page', async ({ page, checkA11y }) => {
    await page.goto('/admin/no/such/page');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在');
    await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
    await checkA11y('admin not found');
  });
});
