// Issue 4's leftovers in the staff console, against the real server:
// - nanshan.reviewer bulk-assigns two new complaints to nanshan.handler from the inbox;
// - nanshan.handler transfers a complaint from 南山区 to 福田区 through the target picker,
//   which searches every bureau on the server (GET /orders/{id}/targets), not only those in
//   the handler's own tree;
// - shenzhen.analyst (a city bureau: no second factor) opens 督办 and sees an overdue
//   南山区 order, made overdue in this run's database and escalated by `weiquan orders
//   escalate`, with its 督办 badge in the inbox.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';

const PASSWORD = 'Weiquan-demo-2026';
const DEMO_PHONE = '13800138000';
const DATABASE_URL = process.env.WQ_E2E_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/weiquan_e2e';
const WEIQUAN_BIN = path.resolve(import.meta.dirname, '..', process.env.WEIQUAN_BIN ?? '../../target/debug/weiquan');

/** Files complaints about 南山区 businesses as the demo consumer; returns their numbers. */
async function fileComplaints(request: APIRequestContext, names: string[]): Promise<{ id: number; number: string }[]> {
  const signIn = await request.post('/api/v1/sessions', {
    data: { audience: 'consumer', login: DEMO_PHONE, password: PASSWORD },
  });
  expect(signIn.status()).toBe(201);
  const { me } = (await signIn.json()) as { me: { csrf_token: string } };
  const filed = [];
  for (const [i, name] of names.entries()) {
    const key = `e2e-targets-${Date.now().toString(36)}-${i}`;
    const response = await request.post('/api/v1/orders', {
      headers: { 'X-CSRF-Token': me.csrf_token, 'Idempotency-Key': key },
      data: {
        kind: 'complaint',
        business: { name, division: '440305', address: '科技园路 1 号' },
        item: '套餐',
        request: '退款',
        facts: '菜品变质，商家拒绝退款。',
        subject_category: 'S0101',
        problem_type: 'P01',
      },
    });
    expect(response.status(), await response.text()).toBe(201);
    filed.push(((await response.json()) as { orders: { id: number; number: string }[] }).orders[0]!);
  }
  return filed;
}

/** SQL on this run's database (the server under test was started on it). */
function sql(statement: string): string {
  return execFileSync('psql', [DATABASE_URL, '-v', 'ON_ERROR_STOP=1', '-tAc', statement], { encoding: 'utf8' }).trim();
}

async function staffPage(browser: Browser, login: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto('/admin/login');
  await page.getByLabel('用户名').fill(login);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await expect(page).toHaveURL(/\/admin\/status$/);
  return page;
}

async function searchInbox(page: Page, q: string) {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '工单' }).click();
  await expect(page).toHaveURL(/\/admin\/orders/);
  await page.getByLabel('关键词').fill(q);
  await page.getByRole('button', { name: /查\s*询/ }).click();
}

function named(text: string): RegExp {
  return new RegExp(`^${[...text].join('\\s*')}$`);
}

test('a reviewer assigns two orders in bulk to a handler', async ({ browser, request }) => {
  test.setTimeout(120_000);
  const run = Date.now().toString(36);
  const orders = await fileComplaints(request, [`批量分派甲${run}`, `批量分派乙${run}`]);
  const page = await staffPage(browser, 'nanshan.reviewer');
  await searchInbox(page, `批量分派`);
  const rows = page.getByTestId('order-row');
  for (const order of orders) {
    await rows.filter({ hasText: order.number }).getByRole('checkbox', { name: order.number }).check();
  }
  await page.getByRole('button', { name: /批量分派/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('承办人').click();
  await page.getByRole('option', { name: /南山区局承办人/ }).click();
  const done = page.waitForResponse((r) => r.url().endsWith('/orders/bulk-actions') && r.request().method() === 'POST');
  await dialog.getByRole('button', { name: named('分派') }).click();
  expect((await done).status()).toBe(200);
  await expect(dialog.getByTestId('bulk-result')).toHaveCount(2);
  await expect(dialog).toContainText('成功 2 件');
  const handler = sql(`SELECT id FROM users WHERE username = 'nanshan.handler'`);
  for (const order of orders) {
    expect(sql(`SELECT handler_id FROM orders WHERE id = ${order.id}`)).toBe(handler);
  }
  await page.context().close();
});

test('a Nanshan handler transfers a complaint to 福田区 through the picker', async ({ browser, request }) => {
  test.setTimeout(120_000);
  const run = Date.now().toString(36);
  const [order] = await fileComplaints(request, [`移送测试${run}`]);
  const page = await staffPage(browser, 'nanshan.handler');
  await page.goto(`/admin/orders/${order!.id}`);
  await page.getByTestId('action-panel').getByRole('button', { name: named('移送') }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const searched = page.waitForResponse((r) => r.url().includes('/targets?') && r.url().includes('q='));
  await dialog.getByLabel('接收单位').fill('福田');
  expect((await searched).status()).toBe(200);
  await page.getByRole('option', { name: /深圳市福田区市场监督管理局/ }).click();
  const done = page.waitForResponse((r) => r.url().endsWith('/actions') && r.request().method() === 'POST');
  await dialog.getByRole('button', { name: /确\s*认/ }).click();
  expect((await done).status()).toBe(200);
  const futian = sql(`SELECT id FROM organisations WHERE kind = 'bureau' AND division_code = '440304'`);
  expect(sql(`SELECT holder_org_id FROM orders WHERE id = ${order!.id}`)).toBe(futian);
  await page.context().close();
});

test('shenzhen.analyst sees an overdue Nanshan order in 督办 with its badge', async ({ browser, request }) => {
  test.setTimeout(120_000);
  const run = Date.now().toString(36);
  const [order] = await fileComplaints(request, [`超期督办${run}`]);
  sql(`UPDATE orders SET due_on = current_date - 3 WHERE id = ${order!.id}`);
  execFileSync(WEIQUAN_BIN, ['orders', 'escalate'], {
    env: { ...process.env, DATABASE_URL, WEIQUAN_ENV: 'development', RUST_LOG: 'warn' },
  });
  expect(sql(`SELECT escalated_at IS NOT NULL FROM orders WHERE id = ${order!.id}`)).toBe('t');

  const page = await staffPage(browser, 'shenzhen.analyst');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '督办' }).click();
  await expect(page).toHaveURL(/\/admin\/supervision/);
  const row = page.locator(`[data-testid="supervised-row"][data-number="${order!.number}"]`);
  await expect(row).toContainText('深圳市南山区市场监督管理局');
  await expect(row.getByTestId('days-overdue')).toContainText('3');
  await searchInbox(page, order!.number);
  await expect(page.getByTestId('order-row').getByTestId('escalated')).toHaveText('督办');
  await page.context().close();
});
