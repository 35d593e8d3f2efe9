// The three-party dialogue, live in two browsers: a consumer on a phone-sized screen and
// nanshan.handler in the console open the same complaint in mediation at 南山区; a message
// from either appears on the other's page without a reload (server-sent events through
// Redis), the handler sees the consumer has read his message, and his internal note never
// reaches the consumer's page, not even after a reload.
//
// The consumer is registered for this spec rather than being the seeded demo consumer
// 13800138000: consumer-identity.spec.ts resets the demo consumer's password and ends its
// sessions in the same run, which would cut this test's stream. The complaint is brought
// into mediation through the API (accept, both parties' consent), as the demo order is.
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, APIResponse, Browser } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { smsCode, smsCount } from '../support/sms';

const PHONE = '13711114444';
const PASSWORD = 'harbour lantern 5207';
const STAFF_PASSWORD = 'Weiquan-demo-2026';

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
    await request.post('/api/v1/consumers', { data: { phone: PHONE, code, display_name: '周晓', password: PASSWORD } }),
    201,
  );
}

/** Signs a browser context in through its own request API (the page shares its cookies). */
async function signIn(request: APIRequestContext, audience: 'consumer' | 'staff', login: string, password: string): Promise<string> {
  const { me } = await json<{ me: { csrf_token: string } }>(
    await request.post('/api/v1/sessions', { data: { audience, login, password } }),
    201,
  );
  return me.csrf_token;
}

async function staffContext(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const failures: string[] = [];
  page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`HTTP ${response.status()} ${response.url()}`);
  });
  return { context, page, failures };
}

test.describe('three-party dialogue', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test('a consumer and the county handler talk live; the internal note stays with staff', async ({
    page,
    browser,
    baseURL,
    checkA11y,
  }, testInfo) => {
    test.setTimeout(180_000);
    const consumerApi = page.context().request;
    await registerConsumer(consumerApi);
    const consumerCsrf = await signIn(consumerApi, 'consumer', PHONE, PASSWORD);
    const run = Date.now().toString(36);
    const filed = await json<{ orders: { id: number; number: string }[] }>(
      await consumerApi.post('/api/v1/orders', {
        headers: { 'X-CSRF-Token': consumerCsrf, 'Idempotency-Key': `e2e-dialogue-${run}` },
        data: {
          kind: 'complaint',
          business: { name: `深圳市南山区某健身会所${run}`, division: '440305', address: '文心五路 33 号' },
          item: '年卡健身服务',
          bought_on: '2026-11-01',
          amount_fen: 368_000,
          request: '退款',
          facts: '门店停业整顿，无法使用也不予退款。',
          subject_category: 'S0101',
          problem_type: 'P06',
        },
      }),
      201,
    );
    const order = filed.orders[0]!;

    const staff = await staffContext(browser, baseURL);
    const staffCsrf = await signIn(staff.context.request, 'staff', 'nanshan.handler', STAFF_PASSWORD);

    await test.step('the handler accepts the complaint and records both consents (API)', async () => {
      let { version } = await json<{ version: number }>(await staff.context.request.get(`/api/v1/orders/${order.id}`), 200);
      for (const body of [
        { action: 'accept' },
        { action: 'record_consent', party: 'consumer', consents: true },
        { action: 'record_consent', party: 'business', consents: true },
      ]) {
        ({ version } = await json<{ version: number }>(
          await staff.context.request.post(`/api/v1/orders/${order.id}/actions`, {
            headers: { 'X-CSRF-Token': staffCsrf, 'If-Match': `"${version}"` },
            data: body,
          }),
          200,
        ));
      }
    });

    const consumerMessages = page.getByTestId('dialogue-messages');
    const staffMessages = staff.page.getByTestId('dialogue-messages');

    await test.step('both open the order and its dialogue goes live', async () => {
      await page.goto(`/appeals/${order.id}`);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(order.number);
      await expect(page.getByTestId('dialogue-panel')).toHaveAttribute('data-live', 'true', { timeout: 30_000 });
      await expect(page.getByTestId('dialogue-empty')).toBeVisible();
      await staff.page.goto(`/admin/orders/${order.id}`);
      await expect(staff.page.getByTestId('dialogue-panel')).toHaveAttribute('data-live', 'true', { timeout: 30_000 });
    });

    await test.step('the handler writes; the consumer sees it without a reload', async () => {
      await staff.page.getByLabel('消息内容').fill('您好，我们已受理您的投诉，请问您希望如何解决？');
      await staff.page.getByRole('button', { name: /^发\s*送$/ }).click();
      await expect(staffMessages).toContainText('请问您希望如何解决');
      await expect(consumerMessages).toContainText('请问您希望如何解决', { timeout: 5_000 });
      await expect(consumerMessages.getByTestId('dialogue-message').first()).toContainText('调解方');
    });

    await test.step('the consumer answers with Ctrl+Enter; the handler sees it and that his message was read', async () => {
      const box = page.getByLabel('消息内容');
      await box.fill('希望全额退还剩余会费。');
      await box.press('Control+Enter');
      await expect(consumerMessages).toContainText('希望全额退还剩余会费');
      await expect(staffMessages).toContainText('希望全额退还剩余会费', { timeout: 5_000 });
      await expect(staffMessages.getByTestId('message-read').first()).toHaveText('对方已读（消费者）');
    });

    await test.step('the handler\'s internal note never reaches the consumer', async () => {
      await staff.page.getByRole('checkbox', { name: '内部备注（消费者和经营者不可见）' }).check();
      await staff.page.getByLabel('消息内容').fill('内部：该会所近期被投诉多次。');
      await staff.page.getByRole('button', { name: '保存内部备注' }).click();
      await expect(staff.page.locator('[data-internal="true"]')).toContainText('该会所近期被投诉多次');
      // A public message after the note: once the consumer has it, the note would have come first.
      await staff.page.getByLabel('消息内容').fill('已联系商家，请耐心等待。');
      await staff.page.getByRole('button', { name: /^发\s*送$/ }).click();
      await expect(consumerMessages).toContainText('已联系商家', { timeout: 5_000 });
      await expect(consumerMessages).not.toContainText('该会所近期被投诉多次');
      await expect(page.getByTestId('internal-tag')).toHaveCount(0);
      await checkA11y('consumer appeal with dialogue');
      // The console's dialogue panel (with an internal note) passes axe too.
      const staffAxe = await new AxeBuilder({ page: staff.page }).include('[data-testid="dialogue-panel"]').analyze();
      expect(
        staffAxe.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      ).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath('dialogue-consumer.png'), fullPage: true });
      await staff.page.screenshot({ path: testInfo.outputPath('dialogue-staff.png'), fullPage: true });
      await page.reload();
      await expect(consumerMessages.getByTestId('dialogue-message')).toHaveCount(3);
      await expect(consumerMessages).not.toContainText('该会所近期被投诉多次');
    });

    expect(staff.failures).toEqual([]);
    await staff.context.close();
  });
});
