// Reads the SMS verification code the server "sent", from the development-only message log
// (GET /api/dev/messages, present only with WEIQUAN_ENV=development, which the e2e server
// uses). Never part of the apps: they must not know this endpoint exists.
import { expect, type APIRequestContext } from '@playwright/test';

type DevMessage = { channel: string; recipient: string; template: string; text: string; created_at: unknown };

/** The six-digit code of the newest SMS to `phone` sent after `since` messages were there. */
export async function smsCode(request: APIRequestContext, phone: string, previous = 0): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(
      async () => {
        const response = await request.get(`/api/dev/messages?recipient=${encodeURIComponent(phone)}`);
        if (!response.ok()) return `HTTP ${response.status()}`;
        const { items } = (await response.json()) as { items: DevMessage[] };
        const sms = items.filter((m) => m.channel === 'sms');
        if (sms.length <= previous) return `${sms.length} message(s)`;
        code = /\b(\d{6})\b/.exec(sms[0]!.text)?.[1];
        return code ? 'found' : `no code in: ${sms[0]!.text}`;
      },
      { message: `an SMS code for ${phone} in /api/dev/messages`, timeout: 10_000 },
    )
    .toBe('found');
  return code!;
}

/** How many SMS `phone` has received so far (to tell a new one from an old one). */
export async function smsCount(request: APIRequestContext, phone: string): Promise<number> {
  const response = await request.get(`/api/dev/messages?recipient=${encodeURIComponent(phone)}`);
  if (!response.ok()) return 0;
  const { items } = (await response.json()) as { items: DevMessage[] };
  return items.filter((m) => m.channel === 'sms').length;
}
