// RFC 6238 TOTP (HMAC-SHA1, 30-second steps, 6 digits) from a base32 secret, as an
// authenticator app computes it: the e2e tests read the secret the console shows.
import { createHmac } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=-]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error(`not base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** The code for the step containing `time` (milliseconds since the epoch). */
export function totp(secret: string, time: number = Date.now(), step = 30, digits = 6): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(time / 1000 / step)));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/**
 * A code that stays valid for at least `margin` seconds: near the end of a step, wait for
 * the next one so the code does not expire between typing and the server checking it.
 */
export async function freshTotp(secret: string, margin = 5): Promise<string> {
  const left = 30 - ((Date.now() / 1000) % 30);
  if (left < margin) await new Promise((resolve) => setTimeout(resolve, left * 1000 + 200));
  return totp(secret);
}
