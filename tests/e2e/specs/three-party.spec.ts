// Issue 5's proof of the three-party dialogue and enterprise self-settlement, in three browser
// contexts at once: a consumer on a 375 px phone (consumer SPA), enterprise.handler of the
// seeded ODR enterprise 深圳维权演示科技有限公司 (console, 企业工单) and nanshan.handler of
// 南山区局, the competent county bureau that holds the complaint while the enterprise settles
// it (console order page, as the mediator). Each writes once and the other two see it without
// a reload; each bell then shows exactly the notifications that party should have; the
// enterprise proposes a refund, the consumer accepts it on the phone, and all three see the
// order concluded as settled by the enterprise with the dialogue read-only.
//
// What notifies whom (api/domain/src/notify/in_app.rs, api/services/src/dialogue.rs):
// - filing a complaint "to the enterprise first" tells the enterprise's handlers
//   (新的投诉待和解); the consumer's own receipt never reaches their bell;
// - a public message tells the two other parties (新消息): the consumer, the enterprise's
//   handlers, and on the mediator side the order's handler or, with none assigned, the
//   holding unit's handlers; its author is not told;
// - the enterprise's proposal tells the consumer (企业提出和解方案); the consumer's acceptance
//   tells the enterprise (和解方案已接受), not the consumer who made it; no order event of
//   the ODR procedure tells the county bureau.
//
// The consumer is registered here with a phone number of its own. The two staff accounts are
// shared with other specs, so their older notifications are marked read (through the API)
// before this story begins: from then on their bells count only what this story causes.
import type { APIRequestContext, APIResponse, Browser, BrowserContext, Page } from '@playwright/test';
import { expect, hasNoHorizontalScroll, test } from '../support/fixtures';
import { smsCode, smsCount } from '../support/sms';

const PHONE = '13711116666';
const PASSWORD = 'willow ferry 6142';
const STAFF_PASSWORD = 'Weiquan-demo-2026';
const ODR_NAME = '深圳维权演示科技有限公司';
const ODR_CREDIT_CODE = '91440305MA5FWQ001Q';
/** The bell polls every 10 s (and on window focus): a new count shows within this. */
const BELL_TIMEOUT = 25_000;
/** A message reaches the other parties' open pages within this (server-sent events). */
const LIVE_TIMEOUT = 5_000;

/** A button's accessible name: antd puts a space between two Chinese characters. */
function named(text: string): RegExp {
  return new RegExp(`^${[...text].join('\\s*')}$`);
}

async function json<T>(response: APIResponse, status: number): Promise<T> {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as T;
}

async function registerConsumer(request: APIRequestContext) {
  const before = await smsCount(request, PHONE);
  const sent = await request.post('/api/v1/verification-codes', { data: { phone: PHONE, purpose: 'register' } });
  expect(sent.status(), await sent.text()).toBe(202);
  const code = await smsCode(request, PHONE, before);
  await json(
    await request.post('/api/v1/consumers', { data: { phone: PHONE, code, display_name: '林小满', password: PASSWORD } }),
    201,
  );
}

/** Signs a browser context in through its own request API (its pages share the cookies). */
async function signIn(request: APIRequestContext, audience: 'consumer' | 'staff', login: string, password: string): Promise<string> {
  const { me } = await json<{ me: { csrf_token: string } }>(
    await request.post('/api/v1/sessions', { data: { audience, login, password } }),
    201,
  );
  return me.csrf_token;
}

type Party = { context: BrowserContext; page: Page; problems: string[] };

/**
 * A console user in a browser context of their own, signed in, with every notification they
 * had before this story marked read. Its page is watched as the fixture watches `page`:
 * console errors, page errors, failed requests and 4xx/5xx answers are collected.
 */
async function staffParty(browser: Browser, baseURL: string | undefined, login: string): Promise<Party> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`${login}: console error: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`${login}: page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    if (reason !== 'net::ERR_ABORTED') problems.push(`${login}: request failed: ${request.method()} ${request.url()} ${reason}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) {
      problems.push(`${login}: HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
    }
  });
  const csrf = await signIn(context.request, 'staff', login, STAFF_PASSWORD);
  const read = await context.request.post('/api/v1/notifications/read', {
    headers: { 'X-CSRF-Token': csrf },
    data: { all: true },
  });
  expect(read.status(), await read.text()).toBeLessThan(300);
  const { unread } = await json<{ unread: number }>(await context.request.get('/api/v1/notifications/unread-count'), 200);
  expect(unread, `${login} starts with no unread notification`).toBe(0);
  return { context, page, problems };
}

/** The bell with exactly `count` unread (0: the plain bell, no count in its name). */
function bell(page: Page, count: number) {
  const name = count > 0 ? `消息通知，${count} 条未读` : '消息通知';
  return page.getByRole('button', { name, exact: true });
}

/**
 * Checks the bell shows exactly the notifications expected (titles, all unread and about
 * `number`), marks them all read in its list and sees the bell go back to 0.
 */
async function readBell(page: Page, number: string, titles: string[]) {
  await expect(bell(page, titles.length)).toBeVisible({ timeout: BELL_TIMEOUT });
  await bell(page, titles.length).click();
  const unread = page.locator('[data-testid="notification"][data-unread="true"]');
  await expect(unread).toHaveCount(titles.length);
  for (const [i, title] of titles.entries()) {
    await expect(unread.nth(i).getByRole('button').first()).toContainText(title);
    await expect(unread.nth(i)).toContainText(number);
  }
  await page.getByRole('button', { name: '全部标为已读' }).click();
  await expect(unread).toHaveCount(0);
  await expect(bell(page, 0)).toBeVisible();
  await page.keyboard.press('Escape');
}

/** Writes `text` in the page's dialogue and sees it there. */
async function post(page: Page, text: string) {
  await page.getByLabel('消息内容').fill(text);
  await page.getByRole('button', { name: named('发送') }).click();
  await expect(page.getByTestId('dialogue-messages')).toContainText(text);
  await expect(page.getByLabel('消息内容')).toHaveValue('');
}

test.describe('three parties settle a complaint', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test('consumer, enterprise and county mediator talk live; the consumer accepts the enterprise’s ¥860 refund', async ({
    page,
    browser,
    baseURL,
    checkA11y,
  }, testInfo) => {
    test.setTimeout(240_000);
    const run = Date.now().toString(36);
    // The 企业工单 keyword search looks at the business name and the facts.
    const shopOrder = `JD${run}`;

    // The staff first, so that their bells count from this story's start.
    const enterprise = await staffParty(browser, baseURL, 'enterprise.handler');
    const mediator = await staffParty(browser, baseURL, 'nanshan.handler');

    const consumerApi = page.context().request;
    await registerConsumer(consumerApi);
    const consumerCsrf = await signIn(consumerApi, 'consumer', PHONE, PASSWORD);
    const filed = await json<{ orders: { id: number; number: string; state: string; holder_name: string }[] }>(
      await consumerApi.post('/api/v1/orders', {
        headers: { 'X-CSRF-Token': consumerCsrf, 'Idempotency-Key': `e2e-three-party-${run}` },
        data: {
          kind: 'complaint',
          business: { name: ODR_NAME, credit_code: ODR_CREDIT_CODE, division: '440305' },
          enterprise_first: true,
          item: '蓝牙降噪耳机',
          bought_on: '2026-11-10',
          amount_fen: 86_000,
          request: '退货退款',
          facts: `耳机左耳无声，申请售后被以人为损坏为由拒绝。平台订单号 ${shopOrder}。`,
          subject_category: 'G0102',
          problem_type: 'P01',
        },
      }),
      201,
    );
    expect(filed.orders).toHaveLength(1);
    const order = filed.orders[0]!;
    expect(order.state).toBe('with_enterprise');
    expect(order.holder_name).toBe('深圳市南山区市场监督管理局');

    const consumerMessages = page.getByTestId('dialogue-messages');
    const enterpriseMessages = enterprise.page.getByTestId('dialogue-messages');
    const mediatorMessages = mediator.page.getByTestId('dialogue-messages');

    await test.step('the enterprise finds the complaint in 企业工单; the bell told it of the arrival', async () => {
      const page = enterprise.page;
      await page.goto('/admin/status');
      await expect(bell(page, 1)).toBeVisible();
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '企业工单' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('企业工单');
      await page.getByLabel('关键词').fill(shopOrder);
      await page.getByRole('button', { name: named('查询') }).click();
      const row = page.getByTestId('order-row');
      await expect(row).toHaveCount(1);
      await expect(row).toContainText(order.number);
      await row.getByRole('link').first().click();
      await expect(page).toHaveURL(new RegExp(`/admin/orders/${order.id}$`));
      await expect(page.getByTestId('odr-block')).toContainText('企业尚未提出和解方案。');
      await expect(page.getByTestId('dialogue-panel')).toHaveAttribute('data-live', 'true', { timeout: 30_000 });
      await expect(page.getByTestId('dialogue-empty')).toBeVisible();
    });

    await test.step('the county mediator and the consumer open the order; all three are live', async () => {
      await mediator.page.goto(`/admin/orders/${order.id}`);
      await expect(mediator.page.getByRole('heading', { level: 1 })).toContainText(order.number);
      await expect(mediator.page.getByTestId('dialogue-panel')).toHaveAttribute('data-live', 'true', { timeout: 30_000 });
      await page.goto(`/appeals/${order.id}`);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(order.number);
      await expect(page.getByTestId('dialogue-panel')).toHaveAttribute('data-live', 'true', { timeout: 30_000 });
      await expect(page.getByTestId('dialogue-empty')).toBeVisible();
      // Nobody has been told anything in the app but the enterprise, of the arrival.
      await expect(bell(page, 0)).toBeVisible();
      await expect(bell(mediator.page, 0)).toBeVisible();
    });

    await test.step('the enterprise writes; consumer and mediator see it without a reload', async () => {
      await post(enterprise.page, '您好，我们已收到您的投诉，请问耳机是哪天出现无声的问题？');
      for (const messages of [consumerMessages, mediatorMessages]) {
        await expect(messages).toContainText('请问耳机是哪天出现无声的问题', { timeout: LIVE_TIMEOUT });
        await expect(messages.getByTestId('dialogue-message').last()).toContainText('经营者');
      }
    });

    await test.step('the consumer answers on the phone; enterprise and mediator see it without a reload', async () => {
      await post(page, '收到后第三天就没有声音了，没有摔过也没进水。');
      for (const messages of [enterpriseMessages, mediatorMessages]) {
        await expect(messages).toContainText('收到后第三天就没有声音了', { timeout: LIVE_TIMEOUT });
        await expect(messages.getByTestId('dialogue-message').last()).toContainText('消费者');
      }
      // The business never learns who the consumer is.
      await expect(enterpriseMessages).not.toContainText('林小满');
      expect(await hasNoHorizontalScroll(page)).toBe(true);
    });

    await test.step('the county mediator writes; consumer and enterprise see it without a reload', async () => {
      await post(mediator.page, '南山区局已关注此投诉，请企业在 10 个工作日内提出处理方案。');
      for (const messages of [consumerMessages, enterpriseMessages]) {
        await expect(messages).toContainText('请企业在 10 个工作日内提出处理方案', { timeout: LIVE_TIMEOUT });
        await expect(messages.getByTestId('dialogue-message').last()).toContainText('调解方');
      }
      for (const messages of [consumerMessages, enterpriseMessages, mediatorMessages]) {
        await expect(messages.getByTestId('dialogue-message')).toHaveCount(3);
      }
    });

    await test.step('each bell counts exactly what the others did; marking read clears it', async () => {
      // Consumer: the enterprise's and the mediator's messages.
      await readBell(page, order.number, ['新消息', '新消息']);
      await checkA11y('consumer appeal in the three-party dialogue');
      // Enterprise: the mediator's and the consumer's messages, and the complaint's arrival
      // (newest first).
      await readBell(enterprise.page, order.number, ['新消息', '新消息', '新的投诉待和解']);
      // County mediator: the consumer's and the enterprise's messages.
      await readBell(mediator.page, order.number, ['新消息', '新消息']);
    });

    await test.step('the enterprise proposes a refund of ¥860', async () => {
      const page = enterprise.page;
      await page.getByTestId('action-panel').getByRole('button', { name: '提出和解方案' }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      // The option list opens in a portal; under load a click can land while it is still
      // opening and choose nothing, so pick again until the field shows the choice.
      await expect(async () => {
        await dialog.getByLabel('和解方式').click();
        await page
          .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="退款"]')
          .click({ timeout: 3_000 });
        await expect(dialog.getByTitle('退款', { exact: true })).toBeVisible({ timeout: 1_000 });
      }).toPass({ timeout: 20_000 });
      await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(0);
      await dialog.getByLabel('和解条款').fill('收到退回的耳机后 3 个工作日内原路退款 860 元，运费由我司承担。');
      await dialog.getByLabel('金额（元）').fill('860');
      const done = page.waitForResponse((r) => r.url().endsWith('/actions') && r.request().method() === 'POST', { timeout: 20_000 });
      await dialog.getByRole('button', { name: /确\s*认/ }).click();
      expect((await done).status()).toBe(200);
      await expect(dialog).toBeHidden();
      await expect(page.getByTestId('odr-proposal').getByTestId('odr-proposal-amount')).toHaveText('¥860.00');
      await expect(page.getByTestId('odr-proposal').getByTestId('odr-proposal-status')).toHaveText('等待消费者确认');
    });

    await test.step('the consumer’s bell tells of the proposal and leads to it; the consumer accepts', async () => {
      await expect(bell(page, 1)).toBeVisible({ timeout: BELL_TIMEOUT });
      await bell(page, 1).click();
      const proposed = page.locator('[data-testid="notification"][data-unread="true"]');
      await expect(proposed).toHaveCount(1);
      await expect(proposed).toContainText(order.number);
      await proposed.getByRole('button', { name: /^企业提出和解方案/ }).click();
      await expect(bell(page, 0)).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`/appeals/${order.id}$`));
      const card = page.getByTestId('odr-settlement');
      await expect(card.getByTestId('odr-amount')).toHaveText('¥860.00');
      await expect(card).toContainText('原路退款 860 元');
      await card.getByRole('button', { name: named('接受') }).click();
      const done = page.waitForResponse((r) => r.url().endsWith('/actions') && r.request().method() === 'POST', { timeout: 20_000 });
      await page.getByRole('dialog').getByRole('button', { name: /确认接受/ }).click();
      expect((await done).status()).toBe(200);
      await expect(page.getByTestId('odr-outcome')).toContainText(`已与 ${ODR_NAME} 和解，挽回损失 ¥860.00`);
      await expect(page.getByTestId('order-state')).toHaveText('已办结');
      await expect(page.getByTestId('order-outcome')).toContainText('企业和解成功');
      await expect(page.getByTestId('order-outcome')).toContainText('挽回损失 ¥860.00');
      await expect(page.getByTestId('dialogue-closed')).toHaveText('本诉求已办结，对话仅供查看，不能再发送消息。');
      await expect(page.getByLabel('消息内容')).toHaveCount(0);
      await expect(consumerMessages.getByTestId('dialogue-message')).toHaveCount(3);
      expect(await hasNoHorizontalScroll(page)).toBe(true);
      await checkA11y('consumer appeal settled by the enterprise');
      await page.screenshot({ path: testInfo.outputPath('three-party-consumer.png'), fullPage: true });
    });

    await test.step('enterprise and mediator see it concluded as settled by the enterprise, read-only', async () => {
      for (const party of [enterprise, mediator]) {
        const page = party.page;
        await page.reload();
        const block = page.getByTestId('odr-block');
        await expect(block.getByTestId('odr-outcome')).toHaveText('和解成功');
        await expect(block.getByTestId('odr-proposal-status')).toHaveText('消费者已接受');
        await expect(page.getByTestId('conclusion')).toHaveText('企业和解成功 · 挽回损失 ¥860.00');
        await expect(page.getByTestId('dialogue-closed')).toHaveText('本诉求已办结，对话仅供查看，不能再发送消息。');
        await expect(page.getByLabel('消息内容')).toHaveCount(0);
        await expect(page.getByTestId('dialogue-messages').getByTestId('dialogue-message')).toHaveCount(3);
        await expect(page.getByTestId('action-panel').getByRole('button', { name: '提出和解方案' })).toHaveCount(0);
      }
      await enterprise.page.screenshot({ path: testInfo.outputPath('three-party-enterprise.png'), fullPage: true });
      await mediator.page.screenshot({ path: testInfo.outputPath('three-party-mediator.png'), fullPage: true });
    });

    await test.step('the acceptance reaches the enterprise’s bell, not the county’s', async () => {
      await readBell(enterprise.page, order.number, ['和解方案已接受']);
      await expect(bell(mediator.page, 0)).toBeVisible();
      await expect(bell(page, 0)).toBeVisible();
    });

    expect([...enterprise.problems, ...mediator.problems]).toEqual([]);
    await enterprise.context.close();
    await mediator.context.close();
  });
});
