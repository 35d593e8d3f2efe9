// Applications to join, invitations, stations and API clients against the real server:
// (a) an enterprise applies on a phone, shenzhen.admin (competent for 南山区 as the city
// bureau's administrator) approves, the first administrator follows the emailed link, sets a
// password, enrols TOTP, registers an API client and sees its secret once, and the applicant
// sees "approved"; (b) a rejection with a reason reaches the applicant; (c) a new county
// administrator (invited into 福田区 by shenzhen.admin) creates a station and invites a
// handler who accepts and signs in. 福田区, not 南山区: admin-identity.spec.ts expects 南山区
// to have no stations, and the specs share one database.
//
// shenzhen.admin enrols its authenticator once per fresh database, so this file runs its
// tests in order and keeps that signed-in session (storage state) for the later ones. No
// other spec uses shenzhen.admin. Names, codes, emails and logins are unique per run.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, hasNoHorizontalScroll, pickOption, test } from '../support/fixtures';
import { invitationLink, uniqueCreditCode } from '../support/mail';
import { freshTotp } from '../support/totp';

const PASSWORD = 'Weiquan-demo-2026';
const NEW_PASSWORD = 'Lantern-harbour-2026';
const PHONE = { width: 375, height: 812 };
const run = Date.now().toString(36);

test.describe.configure({ mode: 'serial' });

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;
let reviewerState: StorageState | null = null;

async function signIn(page: Page, username: string, password = PASSWORD) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
}

/** Enrols an authenticator on the enrolment step and continues past the recovery codes. */
async function enrol(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('设置两步验证');
  const secret = (await page.getByTestId('totp-secret').textContent())?.replace(/\s+/g, '') ?? '';
  await page.getByLabel('动态验证码').fill(await freshTotp(secret));
  await page.getByRole('button', { name: /完成设置/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('保存恢复码');
  await page.getByRole('checkbox', { name: '我已妥善保存这些恢复码' }).check();
  await page.getByRole('button', { name: /^继\s*续$/ }).click();
}

function menu(page: Page) {
  return page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem');
}

/** A console page signed in as shenzhen.admin (enrolling on first use in this run). */
async function reviewer(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'zh-CN', ...(reviewerState ? { storageState: reviewerState } : {}) });
  const page = await context.newPage();
  if (reviewerState) {
    await page.goto('/admin/status');
    await expect(page.getByTestId('signed-in-user')).toContainText('深圳市市场监督管理局');
  } else {
    await page.goto('/admin/login');
    await signIn(page, 'shenzhen.admin');
    await enrol(page);
    await expect(page).toHaveURL(/\/admin\/status$/);
    reviewerState = await context.storageState();
  }
  return { context, page };
}

type Applicant = { name: string; email: string; admin: string; code: string };

/** Applies as an enterprise registered in 南山区 on the phone-sized `page`; the tracking code. */
async function apply(page: Page, checkA11y?: (label: string) => Promise<void>): Promise<Applicant> {
  const suffix = `${run}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const applicant = {
    name: `深圳测试入驻${suffix}有限公司`,
    email: `apply.${suffix}@example.cn`,
    admin: `ent.${suffix}`,
    code: '',
  };
  await page.setViewportSize(PHONE);
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: '机构入驻申请' }).click();
  await expect(page).toHaveURL(/\/apply$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('机构入驻申请');
  await page.getByLabel('统一社会信用代码').fill(uniqueCreditCode());
  await pickOption(page, '省份', '广东省');
  await pickOption(page, '城市', '深圳市');
  await pickOption(page, '区县', '南山区');
  await page.getByLabel('机构名称').fill(applicant.name);
  await page.getByLabel('联系人').fill('李联系');
  await page.getByLabel('联系电话').fill('0755-12345678');
  await page.getByLabel('联系邮箱').fill(applicant.email);
  await page.getByLabel('登录用户名').fill(applicant.admin);
  await page.getByLabel('姓名', { exact: true }).fill('王管理');
  if (checkA11y) await checkA11y('consumer apply form (phone)');
  expect(await hasNoHorizontalScroll(page)).toBe(true);
  await page.getByRole('button', { name: /提交申请/ }).click();

  const code = page.getByTestId('tracking-code');
  await expect(code).toBeVisible();
  applicant.code = ((await code.textContent()) ?? '').trim();
  expect(applicant.code).toMatch(/^WQ-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(page.getByText('审核单位：深圳市南山区市场监督管理局')).toBeVisible();
  if (checkA11y) await checkA11y('consumer application receipt (phone)');
  expect(await hasNoHorizontalScroll(page)).toBe(true);
  return applicant;
}

/** The applicant's status page for `code`. */
async function statusOf(page: Page, code: string) {
  await page.goto('/apply/status');
  await page.getByLabel('查询码').fill(code);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  return page.getByTestId('application-progress');
}

/** Opens the application named `name` in the review queue. */
async function openApplication(page: Page, name: string) {
  await menu(page).filter({ hasText: '入驻审核' }).click();
  await expect(page).toHaveURL(/\/admin\/applications$/);
  const row = page.locator(`[data-testid="application"][data-name="${name}"]`);
  await row.getByRole('button', { name: /查看/ }).click();
  const drawer = page.getByTestId('application-detail');
  await expect(drawer).toContainText(name);
  return drawer;
}

/** Follows the invitation to `email`, sets a password, and signs in at /admin/login. */
async function acceptInvitation(page: Page, email: string, login: string, checkA11y?: (label: string) => Promise<void>) {
  const link = await invitationLink(page.request, email);
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('接受邀请');
  await expect(page.getByTestId('invitation-preview')).toContainText(login);
  await page.getByLabel('设置密码').fill(NEW_PASSWORD);
  await page.getByLabel('确认密码').fill(NEW_PASSWORD);
  if (checkA11y) await checkA11y('admin accept invitation');
  await page.getByRole('button', { name: /设置密码并激活账号/ }).click();
  await expect(page.getByTestId('invitation-accepted')).toBeVisible();
  await page.getByRole('button', { name: /前往登录/ }).click();
  await expect(page).toHaveURL(/\/admin\/login$/);
  await signIn(page, login, NEW_PASSWORD);
}

test('an enterprise applies on a phone, is approved, its administrator signs in and registers an API client', async ({
  page,
  browser,
  checkA11y,
}) => {
  test.setTimeout(240_000);
  const applicant = await apply(page, checkA11y);

  await test.step('shenzhen.admin approves it', async () => {
    const { context, page: console } = await reviewer(browser);
    const drawer = await openApplication(console, applicant.name);
    await expect(drawer).toContainText(applicant.admin);
    await checkA11yOn(console, 'admin application detail');
    await drawer.getByRole('button', { name: /^通\s*过$/ }).click();
    await console.locator('.ant-modal-confirm').getByRole('button', { name: /^通\s*过$/ }).click();
    await expect(drawer.getByTestId('application-status')).toHaveText('已通过');
    await context.close();
  });

  await test.step('the first administrator accepts the invitation, enrols and registers an API client', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await acceptInvitation(page, applicant.email, applicant.admin, checkA11y);
    await enrol(page);
    await expect(page).toHaveURL(/\/admin\/status$/);
    await expect(menu(page).filter({ hasText: '接口客户端' })).toBeVisible();
    await menu(page).filter({ hasText: '接口客户端' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('接口客户端');
    await expect(page.getByTestId('token-help')).toContainText('/api/v1/oauth/token');
    await checkA11y('admin API clients');
    await page.getByTestId('register-client').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称').fill('订单系统对接');
    await dialog.getByRole('button', { name: /^注\s*册$/ }).click();
    const secret = page.getByTestId('client-secret');
    await expect(secret).toContainText('wqs_');
    await checkA11y('admin API client secret');
    await expect(page.getByTestId('secret-close')).toBeDisabled();
    await page.getByTestId('secret-stored').check();
    await page.getByTestId('secret-close').click();
    await expect(secret).toHaveCount(0);
    await expect(page.locator('[data-testid="api-client"][data-name="订单系统对接"]')).toContainText('有效');
  });

  await test.step('the applicant sees "approved"', async () => {
    await page.setViewportSize(PHONE);
    const progress = await statusOf(page, applicant.code);
    await expect(progress.getByTestId('application-status')).toHaveText('已通过');
    await checkA11y('consumer application status (phone)');
  });

  async function checkA11yOn(other: Page, label: string) {
    // axe on the reviewer's own page (the fixture's checkA11y works on `page`).
    const { default: AxeBuilder } = await import('@axe-core/playwright');
    const results = await new AxeBuilder({ page: other }).analyze();
    const blocking = results.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
    expect(blocking.map((v) => `${v.id}: ${v.help}`), `axe violations on ${label}`).toEqual([]);
  }
});

test('a rejection with a reason reaches the applicant', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const applicant = await apply(page);
  const reason = `营业执照信息与登记不符（${run}）`;
  const { context, page: console } = await reviewer(browser);
  const drawer = await openApplication(console, applicant.name);
  await drawer.getByRole('button', { name: /^驳\s*回$/ }).click();
  const dialog = console.locator('.ant-modal');
  await dialog.getByRole('button', { name: /^驳\s*回$/ }).click();
  await expect(dialog).toContainText('请填写驳回理由。');
  await dialog.getByLabel('驳回理由（申请人可见）').fill(reason);
  await dialog.getByRole('button', { name: /^驳\s*回$/ }).click();
  await expect(drawer.getByTestId('application-status')).toHaveText('已驳回');
  await context.close();

  const progress = await statusOf(page, applicant.code);
  await expect(progress.getByTestId('application-status')).toHaveText('未通过');
  await expect(progress.getByTestId('rejection-reason')).toContainText(reason);
});

test('a county administrator creates a station and invites a handler who accepts and signs in', async ({
  page,
  browser,
  checkA11y,
}) => {
  test.setTimeout(240_000);
  const countyAdmin = { login: `futian.admin.${run}`, email: `futian.admin.${run}@example.cn` };
  const handler = { login: `xiangmihu.handler.${run}`, email: `xiangmihu.handler.${run}@example.cn` };
  const stationName = `福田区市场监督管理局香蜜湖所${run}`;

  await test.step('shenzhen.admin invites an administrator into 福田区', async () => {
    const { context, page: console } = await reviewer(browser);
    const shenzhen = (await (await console.request.get('/api/v1/me')).json()) as { org: { id: number } };
    const children = (await (await console.request.get(`/api/v1/organisations/${shenzhen.org.id}/children`)).json()) as {
      items: { id: number; name: string }[];
    };
    const futian = children.items.find((o) => o.name === '深圳市福田区市场监督管理局');
    expect(futian).toBeTruthy();
    await console.goto(`/admin/members?org=${futian!.id}&tab=invitations`);
    await invite(console, countyAdmin.login, '福田新管理员', countyAdmin.email, '单位管理员');
    await context.close();
  });

  await test.step('the new administrator accepts, enrols and creates a station', async () => {
    await acceptInvitation(page, countyAdmin.email, countyAdmin.login);
    await enrol(page);
    await menu(page).filter({ hasText: '组织机构' }).click();
    await page.getByTestId('create-station').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称（中文）').fill(stationName);
    await dialog.getByLabel('名称（英文，可选）').fill(`Xiangmihu Station ${run}`);
    await checkA11y('admin create station');
    await dialog.getByRole('button', { name: /^创\s*建$/ }).click();
    await expect(page.getByTestId('station-created')).toBeVisible();
    await expect(page.getByRole('tree').getByText(stationName)).toBeVisible();
    await page.getByTestId('station-created').getByRole('link', { name: '邀请该所人员' }).click();
    await expect(page).toHaveURL(/\/admin\/members\?org=\d+&tab=invitations$/);
    await invite(page, handler.login, '香蜜湖办理人', handler.email, '办理人员');
    await checkA11y('admin invitations');
    await page.getByRole('button', { name: /退出登录/ }).click();
    await expect(page).toHaveURL(/\/admin\/login$/);
  });

  await test.step('the handler accepts and signs in', async () => {
    await acceptInvitation(page, handler.email, handler.login);
    await expect(page).toHaveURL(/\/admin\/status$/);
    await expect(page.getByTestId('signed-in-user')).toContainText(stationName);
  });
});

/** Fills 邀请人员 on a members page's invitations tab with one role; the row appears as open. */
async function invite(page: Page, login: string, name: string, email: string, role: string) {
  await page.getByTestId('invite-button').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('用户名').fill(login);
  await dialog.getByLabel('姓名').fill(name);
  await dialog.getByLabel('电子邮箱').fill(email);
  if (role !== '办理人员') await dialog.getByRole('checkbox', { name: '办理人员' }).uncheck();
  await dialog.getByRole('checkbox', { name: role }).check();
  await dialog.getByRole('button', { name: /发送邀请/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator(`[data-testid="invitation"][data-login="${login}"]`).getByTestId('invitation-status')).toHaveText(
    '待接受',
  );
}
