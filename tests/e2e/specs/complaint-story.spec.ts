// The whole story of one complaint, across both apps and three people (issue 4's proof):
// a consumer files a complaint on a phone-sized screen; the county handler (nanshan.handler)
// accepts it, records both parties' consent to mediation and settles it with ¥1,280
// recovered; the consumer sees the public timeline and rates the outcome; a provincial
// analyst (guangdong.supervisor, who enrols an authenticator here) finds it in the
// province's subtree list.
//
// The consumer is registered for this spec (the demo consumer's password is changed by
// consumer-identity.spec.ts in the same run).
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { expect, hasNoHorizontalScroll, pickOption, test } from '../support/fixtures';
import { smsCode, smsCount } from '../support/sms';
import { freshTotp } from '../support/totp';

const PHONE = '13711113333';
const CONSUMER_PASSWORD = 'willow harbour 4182';
const STAFF_PASSWORD = 'Weiquan-demo-2026';

async function registerConsumer(request: APIRequestContext) {
  const before = await smsCount(request, PHONE);
  const sent = await request.post('/api/v1/verification-codes', { data: { phone: PHONE, purpose: 'register' } });
  expect(sent.status(), await sent.text()).toBe(202);
  const code = await smsCode(request, PHONE, before);
  const registered = await request.post('/api/v1/consumers', {
    data: { phone: PHONE, code, display_name: '林晓峰', password: CONSUMER_PASSWORD },
  });
  expect(registered.status(), await registered.text()).toBe(201);
}

/** A button's accessible name: antd puts a space between the two characters of 受理. */
function named(text: string): RegExp {
  return new RegExp(`^${[...text].join('\\s*')}$`);
}

async function staffPage(browser: Browser, login: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto('/admin/login');
  await page.getByLabel('用户名').fill(login);
  await page.getByLabel('密码').fill(STAFF_PASSWORD);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  return page;
}

async function openFromInbox(page: Page, number: string) {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '工单' }).click();
  await expect(page).toHaveURL(/\/admin\/orders/);
  await page.getByLabel('关键词').fill(number);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  const row = page.getByTestId('order-row');
  await expect(row).toHaveCount(1);
  return row;
}

async function act(page: Page, action: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  await page.getByTestId('action-panel').getByRole('button', { name: named(action) }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  if (fill) await fill(dialog);
  const done = page.waitForResponse((r) => r.url().endsWith('/actions') && r.request().method() === 'POST');
  await dialog.getByRole('button', { name: /确\s*认/ }).click();
  expect((await done).status()).toBe(200);
  await expect(dialog).toBeHidden();
}

test.describe('a complaint from filing to rating', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test('filed on a phone, mediated to ¥1,280 by the county, rated, seen by the province', async ({
    page,
    request,
    browser,
    checkA11y,
  }, testInfo) => {
    test.setTimeout(240_000);
    await registerConsumer(request);
    const business = `深圳市南山区某家电商行${Date.now().toString(36)}`;
    let number = '';

    await test.step('the consumer files the complaint on a phone', async () => {
      await page.goto('/login?next=%2Fappeals%2Fnew');
      await page.getByLabel('手机号').fill(PHONE);
      await page.getByLabel('密码', { exact: true }).fill(CONSUMER_PASSWORD);
      await page.getByRole('button', { name: /^登\s*录$/ }).click();
      await expect(page).toHaveURL(/\/appeals\/new$/);
      await expect(page.getByRole('radio', { name: /投诉/ })).toBeChecked();
      await page.getByRole('button', { name: /下一步/ }).click();
      await page.getByLabel('经营者名称').fill(business);
      await pickOption(page, '省份', '广东省');
      await pickOption(page, '城市', '深圳市');
      await pickOption(page, '区县', '南山区');
      await page.getByRole('button', { name: /下一步/ }).click();
      await page.getByLabel('购买的商品或接受的服务').fill('滚筒洗衣机');
      await page.getByLabel('消费金额（元，可选）').fill('3280');
      await page.getByLabel('您的诉求').fill('退货退款');
      await page.getByLabel('事实经过').fill('洗衣机使用一周后脱水时剧烈震动并漏水，商家拒绝退换。');
      await page.getByLabel('商品或服务类别', { exact: true }).click();
      for (const name of ['商品', '家用电子电器类', '家用电器']) {
        await page
          .locator(`.ant-cascader-dropdown:not(.ant-select-dropdown-hidden) .ant-cascader-menu-item[title="${name}"]`)
          .click();
      }
      await pickOption(page, '问题类型', '质量');
      await page.getByRole('button', { name: /下一步/ }).click();
      await expect(page.getByTestId('review')).toContainText(business);
      expect(await hasNoHorizontalScroll(page)).toBe(true);
      await page.getByTestId('submit-appeal').click();
      await expect(page.getByTestId('order-receipt')).toBeVisible();
      number = (await page.getByTestId('receipt-number').textContent()) ?? '';
      expect(number).toMatch(/^WQ\d+$/);
      await expect(page.getByTestId('receipt-holder')).toContainText('深圳市南山区市场监督管理局');
    });

    await test.step('the county handler accepts, mediates and records the agreement of ¥1,280', async () => {
      const staff = await staffPage(browser, 'nanshan.handler');
      await expect(staff).toHaveURL(/\/admin\/status$/);
      await (await openFromInbox(staff, number)).getByRole('link', { name: number }).click();
      await expect(staff.getByTestId('order-appeal')).toContainText(business);
      await act(staff, '受理');
      await act(staff, '记录调解意愿', async (dialog) => {
        await dialog.getByRole('radio', { name: '投诉人', exact: true }).check();
        await dialog.getByRole('radio', { name: '同意', exact: true }).check();
      });
      await act(staff, '记录调解意愿', async (dialog) => {
        await dialog.getByRole('radio', { name: '被投诉人' }).check();
        await dialog.getByRole('radio', { name: '同意', exact: true }).check();
      });
      await expect(staff.getByTestId('order-summary')).toContainText('调解中');
      await act(staff, '调解成功', async (dialog) => {
        await dialog.getByLabel('挽回金额（元）').fill('1,280');
      });
      await expect(staff.getByTestId('conclusion')).toContainText('1,280.00');
      await staff.context().close();
    });

    await test.step('the consumer sees the public timeline and rates the outcome', async () => {
      await page.goto('/appeals');
      const item = page.getByTestId('order-item').filter({ hasText: number });
      await expect(item.getByTestId('order-state')).toHaveText('已办结');
      await item.getByRole('link').click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`诉求 ${number}`);
      const timeline = page.getByTestId('order-timeline');
      await expect(timeline).toContainText('提交并登记');
      await expect(timeline).toContainText('受理');
      await expect(timeline).toContainText('调解成功');
      await expect(page.getByTestId('order-outcome')).toContainText('调解成功');
      await expect(page.getByTestId('order-outcome')).toContainText('1,280');
      const rate = page.getByTestId('rate-form');
      await expect(rate).toBeVisible();
      await checkA11y('settled appeal with the rating form');
      await rate.getByRole('radio').nth(4).click();
      const rated = page.waitForResponse((r) => r.url().endsWith('/actions') && r.request().method() === 'POST');
      await rate.getByRole('button', { name: '提交评价' }).click();
      expect((await rated).status()).toBe(200);
      await expect(page.getByTestId('rate-form')).toHaveCount(0);
      expect(await hasNoHorizontalScroll(page)).toBe(true);
      await page.screenshot({ path: testInfo.outputPath('story-rated-phone.png'), fullPage: true });
    });

    await test.step('a provincial analyst finds it in the province subtree', async () => {
      const analyst = await staffPage(browser, 'guangdong.supervisor');
      await expect(analyst.getByRole('heading', { level: 1 })).toHaveText('设置两步验证');
      const secret = (await analyst.getByTestId('totp-secret').textContent())?.replace(/\s+/g, '') ?? '';
      await analyst.getByLabel('动态验证码').fill(await freshTotp(secret));
      await analyst.getByRole('button', { name: /完成设置/ }).click();
      await expect(analyst.getByRole('heading', { level: 1 })).toHaveText('保存恢复码');
      await analyst.getByRole('checkbox', { name: '我已妥善保存这些恢复码' }).check();
      await analyst.getByRole('button', { name: /^继\s*续$/ }).click();
      const row = await openFromInbox(analyst, number);
      await expect(row).toContainText('深圳市南山区市场监督管理局');
      await expect(row).toContainText('已办结');
      await analyst.context().close();
    });
  });
});
