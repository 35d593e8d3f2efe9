// The notification bell (issue 5): the county handler (nanshan.handler) accepts a consumer's
// new complaint; the consumer's bell shows 1 unread; opening it shows the notification, and
// marking it read clears the count. The consumer is registered for this spec (the demo
// consumer's password is changed by consumer-identity.spec.ts in the same run); the complaint
// is filed and accepted through the API, the bell is used through the page.
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { smsCode, smsCount } from '../support/sms';

const PHONE = '13711115555';
const CONSUMER_PASSWORD = 'lantern meadow 5831';
const STAFF_PASSWORD = 'Weiquan-demo-2026';

async function signIn(request: APIRequestContext, audience: 'consumer' | 'staff', login: string, password: string) {
  const response = await request.post('/api/v1/sessions', { data: { audience, login, password } });
  expect(response.status(), await response.text()).toBe(201);
  const { me } = (await response.json()) as { me: { csrf_token: string } };
  return me.csrf_token;
}

test('the consumer’s bell shows the acceptance and marking it read clears it', async ({ page, browser, request, checkA11y }) => {
  test.setTimeout(90_000);
  const before = await smsCount(request, PHONE);
  const sent = await request.post('/api/v1/verification-codes', { data: { phone: PHONE, purpose: 'register' } });
  expect(sent.status(), await sent.text()).toBe(202);
  const code = await smsCode(request, PHONE, before);
  const registered = await request.post('/api/v1/consumers', {
    data: { phone: PHONE, code, display_name: '周晓雨', password: CONSUMER_PASSWORD },
  });
  expect(registered.status(), await registered.text()).toBe(201);

  // The consumer (this page's browser context) files a complaint against a 南山区 business.
  const csrf = await signIn(page.request, 'consumer', PHONE, CONSUMER_PASSWORD);
  const filed = await page.request.post('/api/v1/orders', {
    headers: { 'X-CSRF-Token': csrf },
    data: {
      kind: 'complaint',
      business: { name: `深圳市南山区某通讯器材店${Date.now().toString(36)}`, division: '440305' },
      item: '手机', request: '退货退款', facts: '新买的手机无法开机，商家拒绝退货。',
      subject_category: 'G0101', problem_type: 'P01',
    },
  });
  expect(filed.status(), await filed.text()).toBe(201);
  const id = ((await filed.json()) as { orders: { id: number }[] }).orders[0]!.id;

  await page.goto('/');
  await expect(page.getByRole('button', { name: '消息通知' })).toBeVisible();

  // The county handler accepts it (in another browser context).
  const staff = await browser.newContext();
  const staffCsrf = await signIn(staff.request, 'staff', 'nanshan.handler', STAFF_PASSWORD);
  const order = (await (await staff.request.get(`/api/v1/orders/${id}`)).json()) as { version: number };
  const accepted = await staff.request.post(`/api/v1/orders/${id}/actions`, {
    headers: { 'X-CSRF-Token': staffCsrf, 'If-Match': `"${order.version}"` },
    data: { action: 'accept' },
  });
  expect(accepted.status(), await accepted.text()).toBe(200);
  await staff.close();

  // The bell polls every 10 s (and on focus): it shows 1 unread without a reload.
  const bell = page.getByRole('button', { name: '消息通知，1 条未读' });
  await expect(bell).toBeVisible({ timeout: 15_000 });
  await bell.click();
  const item = page.getByTestId('notification');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('投诉已受理');
  await expect(item).toHaveAttribute('data-unread', 'true');
  await checkA11y();

  await page.getByRole('button', { name: '全部标为已读' }).click();
  await expect(page.getByRole('button', { name: '消息通知' })).toBeVisible();
  await expect(item).toHaveAttribute('data-unread', 'false');

  // Opening it goes to the appeal.
  await item.getByRole('button', { name: '投诉已受理' }).click();
  await expect(page).toHaveURL(new RegExp(`/appeals/${id}$`));
});
