// Staff sign-in against the real server with the seeded demo accounts: TOTP enrolment (codes
// computed from the secret the page shows), recovery codes, the capability-driven menu, the
// organisation tree, signed-in devices, member administration and the audit log. Accounts
// that enrol are used by one test only, since enrolment happens once per fresh database; so
// is an account whose roles or status a test changes (nanshan.reviewer, by the
// nanshan.admin test), since tests run in parallel.
import type { Browser, Page } from '@playwright/test';
import { expect, pickOption, test } from '../support/fixtures';
import { freshTotp } from '../support/totp';

const PASSWORD = 'Weiquan-demo-2026';

async function signIn(page: Page, username: string, password = PASSWORD) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
}

/** Enrols an authenticator on the enrolment step; returns the recovery codes shown. */
async function enrol(
  page: Page,
  checkA11y?: (label: string) => Promise<void>,
  screenshot?: (name: string) => string,
): Promise<string[]> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('设置两步验证');
  const secret = (await page.getByTestId('totp-secret').textContent())?.replace(/\s+/g, '') ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await expect(page.locator('.ant-qrcode svg')).toBeVisible();
  if (checkA11y) await checkA11y('admin TOTP enrolment');
  if (screenshot) await page.screenshot({ path: screenshot('admin-enrolment.png'), fullPage: true });
  await page.getByLabel('动态验证码').fill(await freshTotp(secret));
  await page.getByRole('button', { name: /完成设置/ }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('保存恢复码');
  const codes = await page.getByTestId('recovery-codes').getByRole('listitem').allTextContents();
  expect(codes).toHaveLength(10);
  for (const code of codes) expect(code).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{2}$/);
  if (checkA11y) await checkA11y('admin recovery codes');
  if (screenshot) await page.screenshot({ path: screenshot('admin-recovery-codes.png'), fullPage: true });
  const proceed = page.getByRole('button', { name: /^继\s*续$/ });
  await expect(proceed).toBeDisabled();
  await page.getByRole('checkbox', { name: '我已妥善保存这些恢复码' }).check();
  await proceed.click();
  return codes;
}

function menu(page: Page) {
  return page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem');
}

const ADMIN_MENU = ['系统状态', '组织机构', '人员管理', '入驻审核', '审计日志', '节假日安排', '登录设备'];

function memberRow(page: Page, login: string) {
  return page.locator(`[data-testid="member"][data-login="${login}"]`);
}

/** Signs `login` in from a fresh browser context; the sign-in page's answer. */
async function signInElsewhere(browser: Browser, login: string): Promise<'signed-in' | string> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  try {
    const other = await context.newPage();
    await other.goto('/admin/login');
    await signIn(other, login);
    // Whichever comes first; the other wait ends with the context (hence the catches).
    return await Promise.race([
      other
        .waitForURL(/\/admin\/status$/)
        .then(() => 'signed-in')
        .catch(() => 'no answer'),
      other
        .getByTestId('form-error')
        .waitFor()
        .then(async () => (await other.getByTestId('form-error').getAttribute('data-code')) ?? 'error')
        .catch(() => 'no answer'),
    ]);
  } finally {
    await context.close();
  }
}

/**
 * 人员管理 as nanshan.admin: change nanshan.reviewer's roles, disable them (they can no longer
 * sign in), enable them again and put the roles back. Then 审计日志 filtered by action.
 */
async function manageMembersAndAudit(
  page: Page,
  browser: Browser,
  checkA11y: (label: string) => Promise<void>,
  screenshot: (name: string) => string,
) {
  await test.step('members: change roles', async () => {
    await menu(page).filter({ hasText: '人员管理' }).click();
    await expect(page).toHaveURL(/\/admin\/members$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('人员管理');
    const reviewer = memberRow(page, 'nanshan.reviewer');
    await expect(reviewer).toContainText('审核人员');
    await expect(memberRow(page, 'nanshan.admin')).toContainText('本人');
    await checkA11y('admin members');
    await page.screenshot({ path: screenshot('admin-members.png'), fullPage: true });

    await reviewer.getByRole('button', { name: /修改.*角色/ }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('所有设备上的登录将立即失效');
    await dialog.getByRole('checkbox', { name: '办理人员' }).check();
    await checkA11y('admin member roles dialog');
    await page.screenshot({ path: screenshot('admin-member-roles.png') });
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect(dialog).toBeHidden();
    await expect(reviewer).toContainText('办理人员');
    await expect(reviewer).toContainText('审核人员');
  });

  await test.step('members: disable, then the member cannot sign in', async () => {
    const reviewer = memberRow(page, 'nanshan.reviewer');
    await reviewer.getByRole('button', { name: /^停用 / }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('登录会话将立即结束');
    await dialog.getByRole('button', { name: /^停\s*用$/ }).click();
    await expect(dialog).toBeHidden();
    await expect(reviewer.getByTestId('member-status')).toHaveText('已停用');
    expect(await signInElsewhere(browser, 'nanshan.reviewer')).toBe('invalid_credentials');
  });

  await test.step('members: enable again and restore the roles', async () => {
    const reviewer = memberRow(page, 'nanshan.reviewer');
    await reviewer.getByRole('button', { name: /^启用 / }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /^启\s*用$/ }).click();
    await expect(dialog).toBeHidden();
    await expect(reviewer.getByTestId('member-status')).toHaveText('正常');
    expect(await signInElsewhere(browser, 'nanshan.reviewer')).toBe('signed-in');

    await reviewer.getByRole('button', { name: /修改.*角色/ }).click();
    await page.getByRole('dialog').getByRole('checkbox', { name: '办理人员' }).uncheck();
    await page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(reviewer).not.toContainText('办理人员');
  });

  await test.step('audit log: filter by action', async () => {
    await menu(page).filter({ hasText: '审计日志' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('审计日志');
    await expect(page.getByTestId('audit-entry').first()).toBeVisible();
    await pickOption(page, '操作类型', '停用成员');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect(page).toHaveURL(/\/admin\/audit\?action=user_disabled$/);
    const entries = page.getByTestId('audit-entry');
    await expect(entries).toHaveCount(1);
    await expect(entries.first()).toHaveAttribute('data-action', 'user_disabled');
    // Visible, not only present: every column is on screen.
    for (const text of ['停用成员', '成功', /user:\d+/]) await expect(entries.first().getByText(text)).toBeVisible();
    await checkA11y('admin audit log');
    await page.screenshot({ path: screenshot('admin-audit-list.png'), fullPage: true });

    // The filter lives in the address: a reload searches the same.
    await page.reload();
    await expect(page.getByTestId('audit-entry')).toHaveCount(1);
    await expect(page.getByRole('form', { name: '筛选条件' })).toContainText('停用成员');
    await page.getByTestId('audit-entry').first().getByRole('button', { name: /展开/ }).click();
    await expect(page.getByText('user_disabled', { exact: true })).toBeVisible();
    await checkA11y('admin audit log, details');
    await page.screenshot({ path: screenshot('admin-audit.png'), fullPage: true });

    // Roles changed twice: both records, newest first, with the roles in the details.
    await pickOption(page, '操作类型', '修改角色');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect(page.getByTestId('audit-entry')).toHaveCount(2);
  });
}

test.describe('staff sign-in', () => {
  test('nanshan.admin enrols TOTP, browses the tree, manages members and searches the audit log', async ({
    page,
    browser,
    checkA11y,
  }, testInfo) => {
    test.setTimeout(180_000);
    await page.goto('/admin/login');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('工作人员登录');
    await checkA11y('admin login');
    await signIn(page, 'nanshan.admin');
    const recoveryCodes = await enrol(page, checkA11y, (name) => testInfo.outputPath(name));

    // On the console, with 组织机构 in the menu.
    await expect(page).toHaveURL(/\/admin\/status$/);
    await expect(menu(page)).toHaveText(ADMIN_MENU);
    await expect(page.getByTestId('signed-in-user')).toContainText('深圳市南山区市场监督管理局');

    await menu(page).filter({ hasText: '组织机构' }).click();
    await expect(page).toHaveURL(/\/admin\/organisations$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('组织机构');
    const tree = page.getByRole('tree', { name: '组织机构树' });
    const county = tree.getByRole('treeitem', { name: '深圳市南山区市场监督管理局' });
    await expect(county).toBeVisible();
    await county.getByText('深圳市南山区市场监督管理局').click();
    const detail = page.getByTestId('org-detail');
    await expect(detail.getByRole('heading', { level: 2 })).toContainText('深圳市南山区市场监督管理局');
    await expect(detail).toContainText('市场监督管理局 · 县级');
    await expect(detail).toContainText('440305');
    // The seed puts 蛇口所 under 南山区 (api/services/src/demo.rs).
    await expect(detail).toContainText('有（在组织树中展开查看）');
    await expect(page.getByTestId('org-management')).toContainText('设立市场监管所');
    await checkA11y('admin organisation tree');
    await page.screenshot({ path: testInfo.outputPath('admin-organisations.png'), fullPage: true });

    // 登录设备: this session, marked.
    await menu(page).filter({ hasText: '登录设备' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('登录设备');
    await expect(page.locator('[data-testid="session"][data-current="true"]')).toHaveCount(1);
    await checkA11y('admin sessions');

    // Sign out; the next sign-in asks for the second factor: a recovery code works once.
    await page.getByRole('button', { name: /退出登录/ }).click();
    await expect(page).toHaveURL(/\/admin\/login$/);
    await signIn(page, 'nanshan.admin');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('两步验证');
    await checkA11y('admin second factor');
    await page.getByRole('button', { name: '使用恢复码' }).click();
    await page.getByLabel('恢复码').fill(recoveryCodes[0]!);
    await page.getByRole('button', { name: /^验\s*证$/ }).click();
    await expect(page).toHaveURL(/\/admin\/status$/);
    await expect(menu(page)).toHaveText(ADMIN_MENU);

    await manageMembersAndAudit(page, browser, checkA11y, (name) => testInfo.outputPath(name));
  });

  test('guangdong.analyst enrols and browses from the province down to 南山区', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/admin/organisations');
    await expect(page).toHaveURL(/\/admin\/login\?next=%2Forganisations$/);
    await signIn(page, 'guangdong.analyst');
    await enrol(page);
    await expect(page).toHaveURL(/\/admin\/organisations$/);

    const tree = page.getByRole('tree', { name: '组织机构树' });
    const province = tree.getByRole('treeitem', { name: '广东省市场监督管理局' });
    await province.locator('.ant-tree-switcher').click();
    const city = tree.getByRole('treeitem', { name: '深圳市市场监督管理局' });
    await city.locator('.ant-tree-switcher').click();
    const county = tree.getByRole('treeitem', { name: '深圳市南山区市场监督管理局' });
    await county.getByText('深圳市南山区市场监督管理局').click();
    await expect(page.getByTestId('org-detail')).toContainText(
      '广东省市场监督管理局 / 深圳市市场监督管理局 / 深圳市南山区市场监督管理局',
    );
    // Not their own unit: no management tasks listed.
    await expect(page.getByTestId('org-management')).toHaveCount(0);
  });

  test('nanshan.handler signs in without a second factor and sees the orders and the tree', async ({ page, checkA11y }) => {
    await page.goto('/admin/login');
    await signIn(page, 'nanshan.handler');
    await expect(page).toHaveURL(/\/admin\/status$/);
    await expect(menu(page)).toHaveText(['系统状态', '工单', '企业统计', '组织机构', '节假日安排', '登录设备']);

    await menu(page).filter({ hasText: '组织机构' }).click();
    await expect(page.getByRole('tree', { name: '组织机构树' }).getByRole('treeitem', { name: '深圳市南山区市场监督管理局' })).toBeVisible();
    await expect(page.getByTestId('org-detail')).toContainText('440305');
    await expect(page.getByTestId('org-management')).toHaveCount(0);
    await checkA11y('admin organisation tree, handler');
  });

  test('a wrong password shows the invalid-credentials message', async ({ page, diagnostics }) => {
    diagnostics.allow(/\/api\/v1\/sessions$/);
    await page.goto('/admin/login');
    // An account nobody else signs in to: its failure counts cannot slow down another test.
    // The answer is the same as for a real account with a wrong password.
    await signIn(page, 'no.such.user', 'not-the-password');
    const error = page.getByTestId('form-error');
    await expect(error).toHaveAttribute('data-code', 'invalid_credentials');
    await expect(error).not.toBeEmpty();
    await expect(page.getByLabel('密码')).toHaveValue('');
    await expect(page).toHaveURL(/\/admin\/login$/);
  });

  test('guarded pages send visitors to sign in; the status page does not', async ({ page }) => {
    await page.goto('/admin/sessions');
    await expect(page).toHaveURL(/\/admin\/login\?next=%2Fsessions$/);
    await page.goto('/admin/status');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('系统状态');
    await expect(menu(page)).toHaveText(['系统状态']);
  });
});
