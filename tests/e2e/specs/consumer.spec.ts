import { expect, hasNoHorizontalScroll, pickOption, test } from '../support/fixtures';

test.describe('consumer portal', () => {
  test('home page explains the services and passes axe', async ({ page, checkA11y }) => {
    await page.goto('/');
    await expect(page).toHaveTitle(/维权/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('消费者权益保护，一站办理');
    for (const name of ['投诉', '举报', '建议', '咨询']) {
      await expect(page.getByRole('heading', { level: 3, name: new RegExp(name) })).toBeVisible();
    }
    await expect(page.getByText('即将开放')).toHaveCount(0);
    await expect(page.getByRole('link', { name: '我要投诉' })).toHaveAttribute('href', '/appeals/new?kind=complaint');
    await expect(page.getByRole('link', { name: '我要咨询' })).toHaveAttribute('href', '/appeals/new?kind=consultation');
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByRole('main')).toBeVisible();
    await expect(page.getByRole('contentinfo')).toBeVisible();
    await expect(page.getByLabel('省份', { exact: true })).toBeEnabled();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await checkA11y('consumer home');
  });

  test('picks 广东省 → 深圳市 → 南山区 and shows code 440305', async ({ page, checkA11y }) => {
    await page.goto('/');
    await pickOption(page, '省份', '广东省');
    await expect(page.getByText('请继续选择下一级区划。')).toBeVisible();
    await pickOption(page, '城市', '深圳市');
    await pickOption(page, '区县', '南山区');

    await expect(page.getByTestId('division-code')).toHaveText('440305');
    await expect(page.getByTestId('division-path')).toHaveText('广东省 / 深圳市 / 南山区');
    await expect(page).toHaveURL(/\?division=440305$/);
    await checkA11y('consumer home with a chosen division');
  });

  test('picks 北京市 → 朝阳区 in two levels', async ({ page }) => {
    await page.goto('/');
    await pickOption(page, '省份', '北京市');
    await pickOption(page, '区县', '朝阳区');

    await expect(page.getByTestId('division-code')).toHaveText('110105');
    await expect(page.getByTestId('division-path')).toHaveText('北京市 / 朝阳区');
    await expect(page.getByLabel('城市', { exact: true })).toHaveCount(0);
  });

  test('the picker works with the keyboard alone', async ({ page }) => {
    await page.goto('/');
    const province = page.getByLabel('省份', { exact: true });
    await expect(province).toBeEnabled();
    await province.focus();
    await page.keyboard.type('北京');
    await page.keyboard.press('Enter');
    const county = page.getByLabel('区县', { exact: true });
    await expect(county).toBeEnabled();
    await county.focus();
    await page.keyboard.type('海淀');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('division-code')).toHaveText('110108');
  });

  test('a chosen division survives a reload through the URL', async ({ page }) => {
    await page.goto('/?division=440305');
    await expect(page.getByTestId('division-path')).toHaveText('广东省 / 深圳市 / 南山区');
    await expect(page.getByLabel('区县', { exact: true })).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('division-code')).toHaveText('440305');
  });

  test('an unknown division in the URL shows the server’s message', async ({ page, diagnostics }) => {
    diagnostics.allow(/\/api\/v1\/divisions\/110199$/);
    await page.goto('/?division=110199');
    await expect(page.getByRole('alert')).toContainText('区划加载失败');
    await expect(page.getByRole('alert')).toContainText('未找到该行政区划。');
    // The picker still works from the top.
    await pickOption(page, '省份', '北京市');
    await expect(page.getByLabel('区县', { exact: true })).toBeEnabled();
  });

  test('a malformed division code in the URL shows the field message', async ({ page, diagnostics }) => {
    diagnostics.allow(/\/api\/v1\/divisions\/999999$/);
    await page.goto('/?division=999999');
    await expect(page.getByRole('alert')).toContainText('行政区划代码的前两位不是有效的省级代码。');
  });

  test('switching to English changes the text and is remembered', async ({ page, checkA11y }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Consumer protection in one place');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('link', { name: 'Make a complaint' })).toBeVisible();
    await expect(page.getByLabel('Province', { exact: true })).toBeVisible();
    await checkA11y('consumer home in English');

    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Consumer protection in one place');
    await page.getByRole('button', { name: '中文' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('消费者权益保护，一站办理');
  });
});

test.describe('consumer portal on a phone', () => {
  test.use({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });

  test('fits a 375 px screen without horizontal scrolling', async ({ page, checkA11y }, testInfo) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByLabel('省份', { exact: true })).toBeEnabled();
    expect(await hasNoHorizontalScroll(page)).toBe(true);

    await pickOption(page, '省份', '广东省');
    await pickOption(page, '城市', '深圳市');
    await pickOption(page, '区县', '南山区');
    await expect(page.getByTestId('division-code')).toHaveText('440305');
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await checkA11y('consumer home on a phone');

    await page.screenshot({ path: testInfo.outputPath('consumer-home-phone.png'), fullPage: true });
  });
});
