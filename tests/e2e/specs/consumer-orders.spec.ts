// A consumer files a complaint on a phone-sized screen (375 × 740) against a business in
// 深圳市南山区 (440305) with a photo as evidence, sees the receipt, finds the appeal in their
// list, opens it (the photo is listed and downloads) and withdraws it; a second complaint,
// against the seed's approved ODR enterprise, goes to the enterprise first and stays open.
// The appeal screens pass axe on the way.
//
// The consumer is registered for this spec (through the API) rather than being the seeded
// demo consumer 13800138000: consumer-identity.spec.ts resets the demo consumer's password
// and ends all its sessions in the same run, which would race with this test.
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, hasNoHorizontalScroll, pickOption, test } from '../support/fixtures';
import { smsCode, smsCount } from '../support/sms';

const PHONE = '13711112222';
const PASSWORD = 'amber orchard 7305';

async function registerConsumer(request: APIRequestContext) {
  const before = await smsCount(request, PHONE);
  const sent = await request.post('/api/v1/verification-codes', { data: { phone: PHONE, purpose: 'register' } });
  expect(sent.status(), await sent.text()).toBe(202);
  const code = await smsCode(request, PHONE, before);
  const registered = await request.post('/api/v1/consumers', {
    data: { phone: PHONE, code, display_name: '陈小雨', password: PASSWORD },
  });
  expect(registered.status(), await registered.text()).toBe(201);
}

const next = (page: Page) => page.getByRole('button', { name: /下一步/ }).click();

/** The seed's approved ODR enterprise (深圳市南山区). */
const ODR_CREDIT_CODE = '91440305MA5FWQ001Q';

/** A valid 1 × 1 PNG, built here (signature, IHDR, IDAT, IEND). */
function tinyPng(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
}

/** Walks the subject Cascader down by option titles. */
async function pickCategory(page: Page, path: string[]) {
  await page.getByLabel('商品或服务类别', { exact: true }).click();
  for (const name of path) {
    await page.locator(`.ant-cascader-dropdown:not(.ant-select-dropdown-hidden) .ant-cascader-menu-item[title="${name}"]`).click();
  }
  await expect(page.locator('.ant-cascader-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(0);
}

async function fileComplaint(page: Page, business: string, creditCode?: string) {
  await expect(page.getByTestId('step-kind')).toBeVisible();
  await expect(page.getByRole('radio', { name: /投诉/ })).toBeChecked();
  await next(page);
  await expect(page.getByTestId('step-business')).toBeVisible();
  await page.getByLabel('经营者名称').fill(business);
  if (creditCode) {
    await page.getByLabel('统一社会信用代码（可选）').fill(creditCode);
    await expect(page.getByTestId('odr-offer')).toBeVisible();
    await page.getByRole('checkbox', { name: /先交由企业处理/ }).check();
  }
  await pickOption(page, '省份', '广东省');
  await pickOption(page, '城市', '深圳市');
  await pickOption(page, '区县', '南山区');
  await page.getByLabel('详细地址（可选）').fill('南山区科技园南路 88 号');
  await next(page);
  await expect(page.getByTestId('step-details')).toBeVisible();
  await page.getByLabel('购买的商品或接受的服务').fill('健身年卡');
  await page.getByLabel('消费金额（元，可选）').fill('1280');
  await page.getByLabel('您的诉求').fill('退还剩余卡费');
  await page.getByLabel('事实经过').fill('门店突然停业，剩余 10 个月无法使用，商家不予退款。');
  await pickCategory(page, ['服务', '文化娱乐体育服务', '健身服务']);
  await pickOption(page, '问题类型', '合同');
}

test.describe('appeals on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test('files a complaint, sees the receipt, finds it in the list, opens and withdraws it', async ({
    page,
    request,
    checkA11y,
  }, testInfo) => {
    test.setTimeout(180_000);
    await registerConsumer(request);

    // Visitors are sent to sign in first, then come back to the wizard.
    await page.goto('/appeals/new');
    await expect(page).toHaveURL(/\/login\?next=%2Fappeals%2Fnew$/);
    await page.getByLabel('手机号').fill(PHONE);
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: /^登\s*录$/ }).click();
    await expect(page).toHaveURL(/\/appeals\/new$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('提交诉求');
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await checkA11y('appeal wizard, kind');

    await fileComplaint(page, '深圳市某某健身有限公司');
    // Evidence: a photo, uploaded as soon as it is chosen.
    await page.getByLabel('证据材料', { exact: true }).setInputFiles({ name: '收据.png', mimeType: 'image/png', buffer: tinyPng() });
    await expect(page.getByTestId('evidence-item')).toHaveCount(1);
    await expect(page.getByTestId('evidence-item')).toContainText('收据.png');
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await checkA11y('appeal wizard, details');

    // The draft survives a reload, on the step it was on.
    await page.reload();
    await expect(page.getByTestId('draft-restored')).toBeVisible();
    await expect(page.getByLabel('事实经过')).toHaveValue(/门店突然停业/);
    await expect(page.getByTestId('evidence-item')).toContainText('收据.png');
    await next(page);

    await expect(page.getByTestId('review')).toBeVisible();
    await expect(page.getByTestId('review')).toContainText('广东省 深圳市 南山区');
    await expect(page.getByTestId('review')).toContainText('¥1,280.00');
    await expect(page.getByTestId('review')).toContainText('文化娱乐体育服务 / 健身服务');
    await expect(page.getByTestId('review-evidence')).toContainText('收据.png');
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await checkA11y('appeal wizard, review');
    await page.screenshot({ path: testInfo.outputPath('appeal-review-phone.png'), fullPage: true });
    await page.getByTestId('submit-appeal').click();

    // The receipt: number, the county bureau of 南山区, the due date, a link to the order.
    await expect(page.getByTestId('order-receipt')).toBeVisible();
    const number = (await page.getByTestId('receipt-number').textContent()) ?? '';
    expect(number).toMatch(/^WQ\d+$/);
    await expect(page.getByTestId('receipt-holder')).toContainText('南山区');
    await expect(page.getByTestId('receipt-due')).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await checkA11y('appeal receipt');
    await page.screenshot({ path: testInfo.outputPath('appeal-receipt-phone.png'), fullPage: true });

    // A second complaint, left open; its draft starts empty.
    await page.getByRole('button', { name: '再提交一件' }).click();
    await expect(page.getByTestId('draft-restored')).toHaveCount(0);
    await fileComplaint(page, '深圳市某电商有限公司', ODR_CREDIT_CODE);
    await next(page);
    await expect(page.getByTestId('review')).toContainText('先交由企业处理');
    await page.getByTestId('submit-appeal').click();
    await expect(page.getByTestId('order-receipt')).toBeVisible();
    const second = (await page.getByTestId('receipt-number').textContent()) ?? '';
    expect(second).not.toBe(number);

    // My appeals: both, newest first, in words.
    await page.getByRole('button', { name: '我的诉求' }).click();
    await expect(page).toHaveURL(/\/appeals$/);
    const items = page.getByTestId('order-item');
    await expect(items).toHaveCount(2);
    await expect(items.nth(0)).toContainText(second);
    await expect(items.nth(1)).toContainText(number);
    await expect(items.nth(1).getByTestId('order-state')).toHaveText('已登记');
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await checkA11y('my appeals');

    // The first one: content, timeline, withdraw.
    await items.nth(1).getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`诉求 ${number}`);
    await expect(page.getByTestId('order-appeal')).toContainText('深圳市某某健身有限公司');
    await expect(page.getByTestId('order-timeline')).toContainText('提交并登记');
    const attachment = page.getByTestId('order-attachment');
    await expect(attachment).toHaveCount(1);
    await expect(attachment).toContainText('收据.png');
    const href = (await attachment.getByRole('link').getAttribute('href')) ?? '';
    expect(href).toMatch(/\/api\/v1\/orders\/\d+\/attachments\/\d+$/);
    const download = await page.request.get(href);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('image/png');
    expect(Buffer.compare(await download.body(), tinyPng())).toBe(0);
    await expect(page.getByTestId('order-actions').getByRole('button', { name: '撤回诉求' })).toBeVisible();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await checkA11y('appeal page');
    await page.getByRole('button', { name: '撤回诉求' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('撤回原因（可选）').fill('已与商家协商解决');
    await checkA11y('withdraw dialog');
    await dialog.getByRole('button', { name: /确认撤回/ }).click();
    await expect(page.getByTestId('order-state')).toHaveText('已办结');
    await expect(page.getByTestId('order-outcome')).toContainText('已撤回');
    await expect(page.getByTestId('order-timeline')).toContainText('撤回');
    await expect(page.getByTestId('order-timeline')).toContainText('已与商家协商解决');
    await expect(page.getByRole('button', { name: '撤回诉求' })).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('appeal-withdrawn-phone.png'), fullPage: true });

    // The second went to the ODR enterprise first and is still open.
    await page.getByRole('link', { name: /返回我的诉求/ }).click();
    await expect(items.nth(0).getByTestId('order-state')).toHaveText('企业处理中');
    await expect(items.nth(1).getByTestId('order-state')).toHaveText('已办结');
  });
});
