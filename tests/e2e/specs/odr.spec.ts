// Enterprise self-settlement (ODR, issue 5) across both apps: the seed's enterprise-first
// complaint about 深圳维权演示科技有限公司 waits in the enterprise's console; enterprise.handler
// finds it under 企业工单, sees the ODR block (no consumer identity) and proposes a refund of
// ¥1,280; the demo consumer 13800138000 accepts it on a phone-sized page; both then see the
// complaint settled with ¥1,280.
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { expect, hasNoHorizontalScroll, test } from '../support/fixtures';

const STAFF_PASSWORD = 'Weiquan-demo-2026';
const DEMO_PHONE = '13800138000';
// consumer-identity.spec.ts resets the demo consumer's password in the same run (to this one).
const DEMO_PASSWORDS = ['Weiquan-demo-2026', 'copper kettle 3141'];

/** A button's accessible name: antd puts a space between two Chinese characters. */
function named(text: string): RegExp {
  return new RegExp(`^${[...text].join('\\s*')}$`);
}

/** The demo consumer's password now (probed through the API, so no page sees a 401). */
async function demoPassword(request: APIRequestContext): Promise<string> {
  for (const password of DEMO_PASSWORDS) {
    const signIn = await request.post('/api/v1/sessions', { data: { audience: 'consumer', login: DEMO_PHONE, password } });
    if (signIn.status() === 201) return password;
  }
  throw new Error('the demo consumer signs in with none of the known passwords');
}

async function enterprisePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto('/admin/login');
  await page.getByLabel('用户名').fill('enterprise.handler');
  await page.getByLabel('密码').fill(STAFF_PASSWORD);
  await page.getByRole('button', { name: named('登录') }).click();
  await expect(page).toHaveURL(/\/admin\/status$/);
  return page;
}

test('an enterprise proposes a ¥1,280 refund and the consumer accepts it on a phone', async ({ browser, page, request, checkA11y }) => {
  test.setTimeout(180_000);
  const enterprise = await enterprisePage(browser);
  let orderId = '';

  await test.step('enterprise.handler finds the complaint in 企业工单', async () => {
    const nav = enterprise.getByRole('navigation', { name: '主导航' });
    await expect(nav.getByRole('menuitem')).toHaveText(['系统状态', '企业工单', '企业统计', '组织机构', '登录设备']);
    await nav.getByRole('link', { name: '企业工单' }).click();
    await expect(enterprise.getByRole('heading', { level: 1 })).toHaveText('企业工单');
    await enterprise.getByLabel('关键词').fill('屏幕有坏点');
    await enterprise.getByRole('button', { name: named('查询') }).click();
    const row = enterprise.getByTestId('order-row');
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('odr-days-left')).toContainText('个工作日');
    await row.getByRole('link').click();
    await expect(enterprise).toHaveURL(/\/admin\/orders\/\d+$/);
    orderId = /\/orders\/(\d+)$/.exec(enterprise.url())![1]!;
  });

  await test.step('the order page shows the facts and the ODR block, not who complained', async () => {
    const block = enterprise.getByTestId('odr-block');
    await expect(block).toContainText('深圳维权演示科技有限公司');
    await expect(block).toContainText('企业尚未提出和解方案。');
    await expect(enterprise.getByTestId('order-appeal')).toContainText('屏幕有坏点');
    await expect(enterprise.getByTestId('order-filer')).toHaveCount(0);
    await expect(enterprise.locator('body')).not.toContainText(DEMO_PHONE.slice(-4));
  });

  await test.step('enterprise.handler proposes a refund of ¥1,280', async () => {
    await enterprise.getByTestId('action-panel').getByRole('button', { name: '提出和解方案' }).click();
    const dialog = enterprise.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('和解方式').click();
    await enterprise.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="退款"]').click();
    await dialog.getByLabel('和解条款').fill('3 个工作日内原路退回货款 1,280 元，手机无需寄回。');
    // A refund needs an amount.
    await dialog.getByRole('button', { name: /确\s*认/ }).click();
    await expect(dialog).toContainText('退款和赔偿须填写金额');
    await dialog.getByLabel('金额（元）').fill('1,280');
    const done = enterprise.waitForResponse((r) => r.url().endsWith('/actions') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: /确\s*认/ }).click();
    expect((await done).status()).toBe(200);
    await expect(dialog).toBeHidden();
    const proposal = enterprise.getByTestId('odr-proposal');
    await expect(proposal.getByTestId('odr-proposal-amount')).toHaveText('¥1,280.00');
    await expect(proposal.getByTestId('odr-proposal-status')).toHaveText('等待消费者确认');
  });

  await test.step('the consumer accepts on a 375 px page', async () => {
    const password = await demoPassword(request);
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto('/login');
    await page.getByLabel('手机号').fill(DEMO_PHONE);
    await page.getByLabel('密码', { exact: true }).fill(password);
    await page.getByRole('button', { name: named('登录') }).click();
    await expect(page.getByRole('button', { name: /的账户菜单$/ })).toBeVisible();
    await page.goto(`/appeals/${orderId}`);
    const card = page.getByTestId('odr-settlement');
    await expect(card.getByTestId('odr-amount')).toHaveText('¥1,280.00');
    await expect(card).toContainText('3 个工作日内原路退回货款');
    await expect(card.getByTestId('odr-deadline')).toContainText('企业和解期限');
    await checkA11y('consumer settlement proposal');
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await card.getByRole('button', { name: named('接受') }).click();
    const dialog = page.getByRole('dialog');
    const done = page.waitForResponse((r) => r.url().endsWith('/actions') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: /确认接受/ }).click();
    expect((await done).status()).toBe(200);
    await expect(page.getByTestId('odr-outcome')).toContainText('挽回损失 ¥1,280.00');
    await expect(page.getByTestId('order-state')).toHaveText('已办结');
    expect(await hasNoHorizontalScroll(page)).toBe(true);
  });

  await test.step('the enterprise sees it settled with ¥1,280', async () => {
    await enterprise.reload();
    const block = enterprise.getByTestId('odr-block');
    await expect(block.getByTestId('odr-outcome')).toHaveText('和解成功');
    await expect(block.getByTestId('odr-proposal-status')).toHaveText('消费者已接受');
    await expect(block.getByTestId('odr-proposal-amount')).toHaveText('¥1,280.00');
    await expect(enterprise.getByTestId('order-summary')).toContainText('1,280');
  });

  await enterprise.context().close();
});
