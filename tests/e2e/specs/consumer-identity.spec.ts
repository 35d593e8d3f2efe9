// Consumer accounts against the real server: registration with an SMS code read from the
// development message log, sign-out and sign-in, signed-in devices, profile, password change
// and reset. Each test uses its own phone number (the server starts from a fresh database).
import type { Page } from '@playwright/test';
import { expect, hasNoHorizontalScroll, test } from '../support/fixtures';
import { smsCode, smsCount } from '../support/sms';

const DEMO_PHONE = '13800138000';

async function signIn(page: Page, phone: string, password: string) {
  await page.getByLabel('手机号').fill(phone);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
}

async function openAccountMenu(page: Page, name: string) {
  await page.getByRole('button', { name: `${name} 的账户菜单` }).click();
}

test.describe('consumer account on a phone', () => {
  test.use({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });

  test('registers, signs out, signs back in, lists devices, renames and changes the password', async ({
    page,
    request,
    checkA11y,
  }, testInfo) => {
    test.setTimeout(120_000);
    const phone = '13912345678';
    const password = 'lantern river 8421';

    await page.goto('/');
    const account = page.getByRole('navigation', { name: '账户' });
    await expect(account.getByRole('link', { name: '登录' })).toBeVisible();
    await account.getByRole('link', { name: '注册' }).click();
    await expect(page).toHaveURL(/\/register$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('注册');
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await checkA11y('consumer register, step 1');

    // Step 1: phone and SMS code.
    await page.getByLabel('手机号').fill(phone);
    const before = await smsCount(request, phone);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await expect(page.getByTestId('code-sent')).toHaveText(`验证码已发送至 ${phone}，10 分钟内有效。`);
    await expect(page.getByRole('button', { name: /重新发送（\d+ 秒）/ })).toBeDisabled();
    const code = await smsCode(request, phone, before);
    await page.getByLabel('短信验证码').fill(code);
    await page.getByRole('button', { name: /下一步/ }).click();

    // Step 2: name and password, with the live length hint.
    await expect(page.getByLabel('姓名或昵称')).toBeVisible();
    await page.getByLabel('姓名或昵称').fill('王小明');
    await page.getByLabel('密码', { exact: true }).fill('short');
    await expect(page.getByTestId('password-length-hint')).toHaveText('8–128 个字符，不限字符种类；已输入 5 个。');
    await page.getByLabel('密码', { exact: true }).fill(password);
    await expect(page.getByTestId('password-length-hint')).toHaveText('8–128 个字符，不限字符种类；已输入 18 个。');
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await checkA11y('consumer register, step 2');
    await page.screenshot({ path: testInfo.outputPath('consumer-register-phone.png'), fullPage: true });
    await page.getByRole('button', { name: /^注\s*册$/ }).click();

    // Registered and signed in: home, with the name in the header.
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('button', { name: '王小明 的账户菜单' })).toBeVisible();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await page.screenshot({ path: testInfo.outputPath('consumer-registered-phone.png') });

    // Sign out, then back in.
    await openAccountMenu(page, '王小明');
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await expect(account.getByRole('link', { name: '登录' })).toBeVisible();
    await account.getByRole('link', { name: '登录' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('登录');
    await checkA11y('consumer login');
    await signIn(page, phone, password);
    await expect(page.getByRole('button', { name: '王小明 的账户菜单' })).toBeVisible();

    // Signed-in devices: this one, marked.
    await openAccountMenu(page, '王小明');
    await page.getByRole('menuitem', { name: '登录设备' }).click();
    await expect(page).toHaveURL(/\/me\/sessions$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('登录设备');
    const sessions = page.getByTestId('session');
    await expect(sessions).toHaveCount(1);
    await expect(sessions.first()).toHaveAttribute('data-current', 'true');
    await expect(sessions.first()).toContainText('本机');
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await checkA11y('consumer sessions');

    // Profile: a new name, shown in the header at once.
    await openAccountMenu(page, '王小明');
    await page.getByRole('menuitem', { name: '个人资料' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('个人资料');
    await expect(page.getByText('139****5678')).toBeVisible();
    await page.getByLabel('姓名或昵称').fill('王明');
    await page.getByRole('button', { name: /^保\s*存$/ }).click();
    await expect(page.getByTestId('profile-saved')).toHaveText('已保存');
    await expect(page.getByRole('button', { name: '王明 的账户菜单' })).toBeVisible();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await checkA11y('consumer profile');

    // Password change ends every session: sign in again with the new password.
    await page.getByLabel('当前密码').fill(password);
    await page.getByLabel('新密码').fill('harbour lamp 5820');
    await page.getByRole('button', { name: /^修改密码$/ }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByTestId('login-notice')).toContainText('密码已修改');
    await signIn(page, phone, 'harbour lamp 5820');
    await expect(page.getByRole('button', { name: '王明 的账户菜单' })).toBeVisible();
  });
});

test.describe('consumer account', () => {
  test('forgot password: a code, a new password, then sign in with it', async ({ page, request, checkA11y }) => {
    test.setTimeout(90_000);
    await page.goto('/login');
    await page.getByRole('link', { name: '忘记密码？' }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('找回密码');
    await checkA11y('consumer forgot password');

    await page.getByLabel('手机号').fill(DEMO_PHONE);
    const before = await smsCount(request, DEMO_PHONE);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await expect(page.getByTestId('code-sent')).toContainText('验证码已发送');
    await page.getByLabel('短信验证码').fill(await smsCode(request, DEMO_PHONE, before));
    await page.getByLabel('新密码').fill('copper kettle 3141');
    await page.getByRole('button', { name: /重置密码/ }).click();

    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByTestId('login-notice')).toHaveText('密码已重置，请使用新密码登录。');
    await checkA11y('consumer login with notice');
    await signIn(page, DEMO_PHONE, 'copper kettle 3141');
    await expect(page.getByRole('button', { name: /的账户菜单$/ })).toBeVisible();
  });

  test('a wrong password shows the invalid-credentials message', async ({ page, diagnostics }) => {
    diagnostics.allow(/\/api\/v1\/sessions$/);
    await page.goto('/login');
    // A number without an account gets the same answer as a wrong password, and its failure
    // count cannot slow down another test's sign-in.
    await signIn(page, '13700000001', 'not-the-password-123');
    const error = page.getByTestId('form-error');
    await expect(error).toHaveAttribute('data-code', 'invalid_credentials');
    await expect(error).not.toBeEmpty();
    await expect(page.getByLabel('密码', { exact: true })).toHaveValue('');
    await expect(page).toHaveURL(/\/login$/);
  });

  test('a wrong SMS code is shown under the code field', async ({ page, request, diagnostics }) => {
    diagnostics.allow(/\/api\/v1\/consumers$/);
    const phone = '13712340000';
    await page.goto('/register');
    await page.getByLabel('手机号').fill(phone);
    const before = await smsCount(request, phone);
    await page.getByRole('button', { name: '获取验证码' }).click();
    const real = await smsCode(request, phone, before);
    await page.getByLabel('短信验证码').fill(real === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: /下一步/ }).click();
    await page.getByLabel('姓名或昵称').fill('赵六');
    await page.getByLabel('密码', { exact: true }).fill('maple window 7733');
    await page.getByRole('button', { name: /^注\s*册$/ }).click();
    // Back on step 1, the server's message under the code.
    const codeField = page.locator('.ant-form-item').filter({ has: page.getByLabel('短信验证码') });
    await expect(codeField.locator('.ant-form-item-explain-error')).not.toBeEmpty();
    await expect(page.getByLabel('姓名或昵称')).toBeHidden();
  });

  test('a signed-in page sends a visitor to sign in and back', async ({ page }) => {
    await page.goto('/me/sessions');
    await expect(page).toHaveURL(/\/login\?next=%2Fme%2Fsessions$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('登录');
  });
});

test.describe('a session ended elsewhere', () => {
  // A session that ended elsewhere (signed out everywhere, password changed or reset, idle
  // timeout) leaves its signed cookie in this browser. The server checks CSRF only for live
  // sessions, so the dead cookie must not stop this browser from signing in again.
  test('this browser can sign in again', async ({ page, playwright, baseURL, diagnostics }) => {
    diagnostics.allow(/\/api\/v1\/sessions$/);
    const phone = '13600000002';
    const password = 'quiet harbour 2718';
    const other = await playwright.request.newContext({ baseURL });
    await other.post('/api/v1/verification-codes', { data: { phone, purpose: 'register' } });
    const code = await smsCode(other, phone);
    const registered = await other.post('/api/v1/consumers', {
      data: { phone, code, password, display_name: '钱七' },
    });
    expect(registered.status()).toBe(201);
    const { csrf_token: csrf } = (await registered.json()) as { csrf_token: string };

    await page.goto('/login');
    await signIn(page, phone, password);
    await expect(page.getByRole('button', { name: '钱七 的账户菜单' })).toBeVisible();

    // The other device signs out everywhere; this browser now shows 登录 again.
    expect((await other.delete('/api/v1/me/sessions', { headers: { 'X-CSRF-Token': csrf } })).status()).toBe(204);
    await page.reload();
    await expect(page.getByRole('navigation', { name: '账户' }).getByRole('link', { name: '登录' })).toBeVisible();

    await page.goto('/login');
    await signIn(page, phone, password);
    await expect(page.getByRole('button', { name: '钱七 的账户菜单' })).toBeVisible();
    await other.dispose();
  });
});
