// Reads emails the server "sent" from the development-only message log (GET /api/dev/messages,
// present only with WEIQUAN_ENV=development, which the e2e server uses), as sms.ts does for
// SMS codes. Never part of the apps.
import { expect, type APIRequestContext } from '@playwright/test';

type DevMessage = { channel: string; recipient: string; template: string; text: string };

/** The path and fragment (`/admin/invitations/accept#token=…`) of the newest invitation to `email`. */
export async function invitationLink(request: APIRequestContext, email: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const response = await request.get(`/api/dev/messages?recipient=${encodeURIComponent(email)}`);
        if (!response.ok()) return `HTTP ${response.status()}`;
        const { items } = (await response.json()) as { items: DevMessage[] };
        for (const message of items) {
          const match = /https?:\/\/[^\s/]+(\/admin\/invitations\/accept#token=[A-Za-z0-9_\-.~%]+)/.exec(message.text);
          if (match) {
            link = match[1];
            return 'found';
          }
        }
        return `${items.length} message(s), no invitation link`;
      },
      { message: `an invitation link for ${email} in /api/dev/messages`, timeout: 15_000 },
    )
    .toBe('found');
  return link!;
}

/** A unified social credit code (GB 32100-2015) with its check character, from 17 characters. */
export function creditCode(first17: string): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...first17].reduce((total, c, i) => total + chars.indexOf(c) * weights[i]!, 0);
  const check = 31 - (sum % 31);
  return first17 + chars[check === 31 ? 0 : check];
}

/** 17 characters unique to this run and test: 91 + 440305 + 9 more. */
export function uniqueCreditCode(): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let tail = '';
  for (let i = 0; i < 9; i += 1) tail += chars[Math.floor(Math.random() * chars.length)];
  return creditCode(`91440305${tail}`);
}
