// Issue 4's leftovers in the staff console, against the real server:
// - a county handler (nanshan.handler) selects two new complaints in the inbox and assigns
//   them in bulk (批量分派); the dialog lists each order's result and both orders then name
//   their handler;
// - nanshan.handler transfers a complaint to 福田区 through the target picker, which searches
//   every bureau on the server (GET /orders/{id}/targets?action=transfer&q=); the order leaves
//   南山区's inbox, and a 福田区 handler finds it and may return it but not pass it on
//   (Art. 41);
// - shenzhen.analyst (a city bureau: no second factor) finds an overdue 南山区 complaint on the
//   督办 list: its received and clock-start dates are moved back in this run's database, so
//   the domain's own due date has passed, and `weiquan orders escalate` escalates it.
//
// Each test files its own complaints as a consumer it registers (the demo consumer's password
// is changed by consumer-identity.spec.ts in the same run).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { clickOptionUntil, expect, test } from '../support/fixtures';
import { smsCode, smsCount } from '../support/sms';

const STAFF_PASSWORD = 'Weiquan-demo-2026';
const CONSUMER_PASSWORD = 'lantern orchard 5307';
/** The server under test, as playwright.config.ts starts it. */
const DATABASE_URL = process.env.WQ_E2E_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/weiquan_e2e';
const WEIQUAN_BIN = path.resolve(import.meta.dirname, '..', process.env.WEIQUAN_BIN ?? '../../target/debug/weiquan');

type Filed = { id: number; number: string };

async function json<T>(response: Awaited<ReturnType<APIRequestContext['get']>>, status: number): Promise<T> {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as T;
}

/**
 * Registers the consumer `phone` (one per test, so the tests do not depend on each other),
 * signs in through the API and files one complaint about a 南山区 business per name.
 */
async function fileComplaints(request: APIRequestContext, phone: string, businesses: string[]): Promise<Filed[]> {
  const before = await smsCount(request, phone);
  await json(await request.post('/api/v1/verification-codes', { data: { phone, purpose: 'register' } }), 202);
  const code = await smsCode(request, phone, before);
  await json(
    await request.post('/api/v1/consumers', {
      data: { phone, code, display_name: '陈立新', password: CONSUMER_PASSWORD },
    }),
    201,
  );
  const { me } = await json<{ me: { csrf_token: string } }>(
    await request.post('/api/v1/sessions', { data: { audience: 'consumer', login: phone, password: CONSUMER_PASSWORD } }),
    201,
  );
  const filed: Filed[] = [];
  for (const [i, business] of businesses.entries()) {
    const receipt = await json<{ orders: Filed[] }>(
      await request.post('/api/v1/orders', {
        headers: { 'X-CSRF-Token': me.csrf_token, 'Idempotency-Key': `e2e-targets-${phone}-${Date.now().toString(36)}-${i}` },
        data: {
          kind: 'complaint',
          business: { name: business, division: '440305', address: '科技园路 1 号' },
          item: '套餐',
          bought_on: '2026-11-01',
          amount_fen: 36_800,
          request: '退款',
          facts: '菜品变质，商家拒绝退款。',
          subject_category: 'S0101',
          problem_type: 'P01',
        },
      }),
      201,
    );
    filed.push(receipt.orders[0]!);
  }
  return filed;
}

/** The server's today (China Standard Time, as `weiquan_services::orders::today`), in SQL. */
const TODAY = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;

/** SQL on this run's database (test data only the database can make; see each use). */
function sql(statement: string): string {
  return execFileSync('psql', [DATABASE_URL, '-v', 'ON_ERROR_STOP=1', '-tAc', statement], { encoding: 'utf8' }).trim();
}

/** A button's accessible name: antd puts a space between the two characters of 移送. */
function named(text: string): RegExp {
  return new RegExp(`^${[...text].join('\\s*')}$`);
}

async function signIn(page: Page, login: string) {
  await page.goto('/admin/login');
  await page.getByLabel('用户名').fill(login);
  await page.getByLabel('密码').fill(STAFF_PASSWORD);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await expect(page).toHaveURL(/\/admin\/status$/);
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: /退出登录/ }).click();
  await expect(page).toHaveURL(/\/admin\/login$/);
}

/** Opens 工单 from the menu and searches `q` (an order number, or text of the business name). */
async function searchInbox(page: Page, q: string): Promise<Locator> {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '工单' }).click();
  await expect(page).toHaveURL(/\/admin\/orders/);
  await page.getByLabel('关键词').fill(q);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(q)}`));
  return page.getByTestId('order-row');
}

function row(page: Page, number: string): Locator {
  return page.locator(`[data-testid="order-row"][data-number="${number}"]`);
}

test('a county handler assigns two orders in bulk and both then name their handler', async ({ page, request, checkA11y }) => {
  test.setTimeout(120_000);
  const run = `pl${Date.now().toString(36)}`;
  const orders = await fileComplaints(request, '13711116661', [`南山批量甲商行${run}`, `南山批量乙商行${run}`]);

  await signIn(page, 'nanshan.handler');
  const rows = await searchInbox(page, run);
  await expect(rows).toHaveCount(2);
  for (const order of orders) {
    await row(page, order.number).getByRole('checkbox', { name: order.number }).check();
  }
  await expect(page.getByText('已选 2 件')).toBeVisible();
  await page.getByRole('button', { name: '批量分派' }).click();

  const dialog = page.getByRole('dialog', { name: '批量分派 2 件工单' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: '指定承办人' })).toBeChecked();
  // The way (指定承办人) and the choice (选择承办人) are two controls with two names.
  const handler = dialog.getByLabel('选择承办人');
  await handler.click();
  // The list opens in a popup outside the dialog's element.
  const me = '南山区局承办人（演示）（本人）';
  await clickOptionUntil(page, page.getByRole('option', { name: me }), {
    reopen: () => handler.click(),
    chosen: () => expect(dialog.getByTitle(me)).toBeVisible({ timeout: 2_000 }),
  });
  await dialog.getByLabel('说明（可选）').fill('批量领办');
  await checkA11y('admin bulk assignment dialog');
  const done = page.waitForResponse((r) => r.url().endsWith('/orders/bulk-actions') && r.request().method() === 'POST');
  await dialog.getByRole('button', { name: named('分派') }).click();
  expect((await done).status()).toBe(200);

  await expect(dialog.getByRole('status')).toHaveText('分派结果：成功 2 件，失败 0 件');
  const results = dialog.getByTestId('bulk-result');
  await expect(results).toHaveCount(2);
  for (const order of orders) {
    await expect(results.filter({ hasText: order.number })).toContainText('成功');
  }
  await dialog.getByRole('button', { name: named('关闭') }).last().click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('已选 0 件')).toBeVisible();

  // 仅看分派给我的 now lists both; each order page names the handler.
  await page.getByRole('checkbox', { name: '仅看分派给我的' }).check();
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await expect(page).toHaveURL(/[?&]assigned=/);
  await expect(rows).toHaveCount(2);
  for (const order of orders) {
    await row(page, order.number).getByRole('link', { name: order.number }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/orders/${order.id}$`));
    await expect(page.getByTestId('order-handler')).toHaveText('南山区局承办人（演示）（本人）');
    const assigned = page.locator('[data-testid="timeline-event"][data-action="assign_handler"]');
    await expect(assigned).toHaveCount(1);
    await expect(assigned).toContainText('批量领办');
    await page.goBack();
    await expect(rows).toHaveCount(2);
  }
});

test('a Nanshan handler transfers a complaint to 福田区 through the picker; 福田区 may return it, not pass it on', async ({
  page,
  request,
  checkA11y,
  diagnostics,
}) => {
  test.setTimeout(150_000);
  const run = `ys${Date.now().toString(36)}`;
  const [order] = await fileComplaints(request, '13711116662', [`南山移送测试商行${run}`]);
  const futianLogin = `futian.handler.${run}`;

  await test.step('a 福田区 handler exists', () => {
    // The demo data has no member in 福田区, and inviting one takes an administrator whose
    // second factor belongs to another spec: the account is made here, with the demo password.
    sql(`WITH futian AS (SELECT id FROM organisations WHERE kind = 'bureau' AND division_code = '440304'),
              added AS (INSERT INTO users (kind, org_id, username, display_name, password_hash, status, password_changed_at)
                        SELECT 'member', futian.id, '${futianLogin}', '福田区局承办人（测试）', u.password_hash, 'active', now()
                        FROM futian, users u WHERE u.username = 'nanshan.handler'
                        RETURNING id)
         INSERT INTO user_roles (user_id, role) SELECT id, 'handler' FROM added`);
    expect(sql(`SELECT count(*) FROM users WHERE username = '${futianLogin}'`)).toBe('1');
  });

  await test.step('nanshan.handler picks 福田区 and transfers the complaint with a reason', async () => {
    await signIn(page, 'nanshan.handler');
    await expect(await searchInbox(page, order!.number)).toHaveCount(1);
    await row(page, order!.number).getByRole('link', { name: order!.number }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/orders/${order!.id}$`));
    await page.getByTestId('action-panel').getByRole('button', { name: named('移送') }).click();
    const dialog = page.getByRole('dialog', { name: `移送 · ${order!.number}` });
    await expect(dialog).toBeVisible();

    const picker = dialog.getByRole('combobox', { name: '接收单位' });
    const searched = page.waitForResponse(
      (r) => r.url().includes(`/orders/${order!.id}/targets?`) && new URL(r.url()).searchParams.get('q') === '福田',
    );
    await picker.fill('福田');
    expect((await searched).status()).toBe(200);
    const futian = '深圳市福田区市场监督管理局（440304）';
    await clickOptionUntil(page, page.getByRole('option', { name: futian }), {
      reopen: () => picker.fill('福田'),
      chosen: () => expect(dialog.getByTitle(futian)).toBeVisible({ timeout: 2_000 }),
    });
    await dialog.getByLabel('说明（可选）').fill('经营者实际经营场所位于福田区');
    await checkA11y('admin transfer dialog');
    const done = page.waitForResponse((r) => r.url().endsWith(`/orders/${order!.id}/actions`) && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: /确\s*认/ }).click();
    expect((await done).status()).toBe(200);
    await expect(dialog).toBeHidden();
  });

  await test.step('the order has left 南山区’s inbox', async () => {
    await expect(page).toHaveURL(/\/admin\/orders(\?.*)?$/);
    await expect(await searchInbox(page, order!.number)).toHaveCount(0);
    await signOut(page);
  });

  await test.step('the 福田区 handler finds it, may return it but not pass it on', async () => {
    // The transfer event names the sending unit by id only, and 南山区 is outside 福田区's
    // subtree: the timeline's look-up of its name is refused (404) and the event says
    // 单位 #id. Needs the unit's name on the event from the server (see the report).
    const nanshan = sql(`SELECT id FROM organisations WHERE kind = 'bureau' AND division_code = '440305'`);
    diagnostics.allow(new RegExp(`/api/v1/organisations/${nanshan}$`));
    await signIn(page, futianLogin);
    const rows = await searchInbox(page, order!.number);
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText('深圳市福田区市场监督管理局');
    await rows.getByRole('link', { name: order!.number }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/orders/${order!.id}$`));
    await expect(page.getByTestId('order-summary')).toContainText('深圳市福田区市场监督管理局');
    const transfer = page.locator('[data-testid="timeline-event"][data-action="transfer"]');
    await expect(transfer).toContainText('经营者实际经营场所位于福田区');
    const panel = page.getByTestId('action-panel');
    await expect(panel.getByRole('button', { name: named('退回移送单位') })).toBeVisible();
    await expect(panel.getByRole('button', { name: named('受理') })).toBeVisible();
    await expect(panel.getByRole('button', { name: named('移送') })).toHaveCount(0);
    await expect(panel.locator('[data-action="transfer"]')).toHaveCount(0);
    await checkA11y('admin transferred order');
  });
});

test('shenzhen.analyst sees an overdue, escalated Nanshan complaint on the 督办 list', async ({ page, request, checkA11y }) => {
  test.setTimeout(120_000);
  const run = `dq${Date.now().toString(36)}`;
  const business = `南山超期督办商行${run}`;
  const [order] = await fileComplaints(request, '13711116663', [business]);

  await test.step('the complaint was received 30 days ago and the escalation job runs', () => {
    // The acceptance period runs from the clock start (received_on at intake); due_on is only
    // the stored copy the job preselects by (due_on < today). The job then decides on the
    // domain's own due date, computed from the clock start on the holiday calendar.
    sql(`UPDATE orders SET received_on = ${TODAY} - 30, clock_start = ${TODAY} - 30, due_on = ${TODAY} - 30
         WHERE id = ${order!.id}`);
    const env = {
      ...process.env,
      DATABASE_URL,
      REDIS_KEY_PREFIX: `wq_e2e:${process.env.WQ_E2E_RUN ?? ''}:`,
      WEIQUAN_ENV: 'development',
      RUST_LOG: 'warn',
    };
    const first = execFileSync(WEIQUAN_BIN, ['orders', 'escalate'], { env, encoding: 'utf8' });
    expect(first).toMatch(/orders escalate: [1-9]\d* order\(s\) escalated/);
    // The next round finds the stored due date stale (the domain's is later than the copy
    // set above) and stores the domain's; it does not escalate the same period again.
    execFileSync(WEIQUAN_BIN, ['orders', 'escalate'], { env, encoding: 'utf8' });
    expect(sql(`SELECT escalated_at IS NOT NULL AND escalated_due_on = due_on AND due_on < ${TODAY} FROM orders WHERE id = ${order!.id}`)).toBe('t');
  });

  await test.step('督办 lists it with its unit and days overdue', async () => {
    await signIn(page, 'shenzhen.analyst');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '督办' }).click();
    await expect(page).toHaveURL(/\/admin\/supervision$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('督办');
    const supervised = page.locator(`[data-testid="supervised-row"][data-number="${order!.number}"]`);
    await expect(supervised).toContainText('深圳市南山区市场监督管理局');
    await expect(supervised).toContainText(business);
    const days = Number(sql(`SELECT ${TODAY} - due_on FROM orders WHERE id = ${order!.id}`));
    expect(days).toBeGreaterThan(0);
    await expect(supervised.getByTestId('days-overdue')).toContainText(String(days));
    await checkA11y('admin supervision list');
  });

  await test.step('the inbox marks it 督办 and its page shows the overdue due date', async () => {
    const rows = await searchInbox(page, order!.number);
    await expect(rows).toHaveCount(1);
    await expect(rows.getByTestId('escalated')).toHaveText('督办');
    await rows.getByRole('link', { name: order!.number }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/orders/${order!.id}$`));
    await expect(page.getByTestId('order-summary').getByTestId('escalated')).toHaveText('督办');
  });
});
