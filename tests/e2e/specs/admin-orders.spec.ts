// Work orders in the staff console against the real server: the demo consumer files a
// complaint about a 南山区 business through the API; nanshan.handler finds it in the inbox by
// its number, opens it, accepts it, records both parties' consent to mediation, settles it
// with ¥1,280 recovered, and the timeline and the outcome show each step. Only the buttons
// the server lists for the order are offered.
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';

const PASSWORD = 'Weiquan-demo-2026';
const DEMO_PHONE = '13800138000';

/** Files a complaint as the demo consumer (signed in through the API); returns its number. */
async function fileComplaint(
  request: APIRequestContext,
  business: string,
  run: string,
): Promise<{ id: number; number: string }> {
  const signIn = await request.post('/api/v1/sessions', {
    data: { audience: 'consumer', login: DEMO_PHONE, password: PASSWORD },
  });
  expect(signIn.status()).toBe(201);
  const { me } = (await signIn.json()) as { me: { csrf_token: string } };
  const filed = await request.post('/api/v1/orders', {
    headers: { 'X-CSRF-Token': me.csrf_token, 'Idempotency-Key': `e2e-admin-orders-${run}` },
    data: {
      kind: 'complaint',
      business: { name: business, division: '440305', address: '科技园路 1 号' },
      item: '套餐',
      bought_on: '2026-11-01',
      amount_fen: 128_000,
      request: '退款',
      facts: '菜品变质，商家拒绝退款。',
      subject_category: 'S0101',
      problem_type: 'P01',
    },
  });
  expect(filed.status(), await filed.text()).toBe(201);
  const body = (await filed.json()) as { orders: { id: number; number: string }[] };
  return body.orders[0]!;
}

/** A button's accessible name: antd puts a space between the two characters of 受理. */
function named(text: string): RegExp {
  return new RegExp(`^${[...text].join('\\s*')}$`);
}

async function act(page: Page, action: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  const panel = page.getByTestId('action-panel');
  await panel.getByRole('button', { name: named(action) }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  if (fill) await fill(dialog);
  const done = page.waitForResponse((r) => r.url().endsWith('/actions') && r.request().method() === 'POST');
  await dialog.getByRole('button', { name: /确\s*认/ }).click();
  expect((await done).status()).toBe(200);
  await expect(dialog).toBeHidden();
}

test('nanshan.handler finds a new complaint, accepts it, mediates and settles it', async ({
  page,
  request,
  checkA11y,
}, testInfo) => {
  test.setTimeout(120_000);
  const run = Date.now().toString(36);
  const business = `深圳市南山某餐饮有限公司${run}`;
  const order = await fileComplaint(request, business, run);

  await test.step('the handler finds it in the inbox by its number', async () => {
    await page.goto('/admin/login');
    await page.getByLabel('用户名').fill('nanshan.handler');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: /^登\s*录$/ }).click();
    await expect(page).toHaveURL(/\/admin\/status$/);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '工单' }).click();
    await expect(page).toHaveURL(/\/admin\/orders$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('工单');

    // Full-text (Chinese) on the business name: the counts above the table follow the filter.
    await page.getByLabel('关键词').fill(business);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect(page).toHaveURL(new RegExp(`\\?q=${encodeURIComponent(business)}$`));
    await expect(page.getByTestId('order-row')).toHaveCount(1);
    const counts = page.getByRole('group', { name: '在办工单数量' });
    await expect(counts.getByTestId('count-received')).toContainText('1');
    await expect(counts.getByRole('button', { name: /全部在办/ })).toContainText('1');

    await page.getByLabel('关键词').fill(order.number);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect(page).toHaveURL(new RegExp(`\\?q=${order.number}$`));
    const row = page.getByTestId('order-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('投诉');
    await expect(row).toContainText('待受理');
    await expect(row).toContainText('深圳市南山区市场监督管理局');
    await checkA11y('admin orders inbox');
    await page.screenshot({ path: testInfo.outputPath('admin-orders-inbox.png'), fullPage: true });

    // The filtered view survives a reload.
    await page.reload();
    await expect(page.getByTestId('order-row')).toHaveCount(1);
    await page.getByRole('link', { name: order.number }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/orders/${order.id}$`));
  });

  await test.step('the order page shows the appeal, the routing rule and what may be done', async () => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`投诉 ${order.number}`);
    await expect(page.getByTestId('order-appeal')).toContainText(business);
    await expect(page.getByTestId('order-summary')).toContainText('经营者实际经营场所所在地');
    await expect(page.getByTestId('order-deadlines')).toContainText('受理期限');
    await expect(page.getByTestId('timeline-event')).toHaveCount(1);
    await expect(page.getByTestId('action-panel').getByRole('button', { name: named('受理') })).toBeVisible();
    await checkA11y('admin order page');
  });

  await test.step('accept, both consents, settle with ¥1,280', async () => {
    await act(page, '受理', async (dialog) => {
      await dialog.getByLabel('说明（可选）').fill('符合受理条件');
    });
    await expect(page.getByTestId('order-summary')).toContainText('已受理');
    await act(page, '记录调解意愿', async (dialog) => {
      await dialog.getByRole('radio', { name: '投诉人', exact: true }).check();
      await dialog.getByRole('radio', { name: '同意', exact: true }).check();
    });
    await act(page, '记录调解意愿', async (dialog) => {
      await dialog.getByRole('radio', { name: '被投诉人' }).check();
      await dialog.getByRole('radio', { name: '同意', exact: true }).check();
    });
    await expect(page.getByTestId('order-summary')).toContainText('调解中');
    await act(page, '调解成功', async (dialog) => {
      await dialog.getByLabel('挽回金额（元）').fill('1,280');
      await checkA11y('admin order action dialog');
    });
  });

  await test.step('the outcome and the timeline show every step', async () => {
    await expect(page.getByTestId('conclusion')).toContainText('调解成功');
    await expect(page.getByTestId('conclusion')).toContainText('1,280.00');
    const events = page.getByTestId('timeline-event');
    await expect(events).toHaveCount(5);
    expect(await events.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-action')))).toEqual([
      'received',
      'accept',
      'record_consent',
      'record_consent',
      'settle',
    ]);
    await expect(events.nth(1)).toContainText('符合受理条件');
    await expect(events.nth(4)).toContainText('调解中');
    await expect(page.getByTestId('action-panel').getByRole('button', { name: named('调解成功') })).toHaveCount(0);
    await checkA11y('admin order settled');
    await page.screenshot({ path: testInfo.outputPath('admin-order-settled.png'), fullPage: true });
  });
});
