import { createHmac, timingSafeEqual } from 'node:crypto';

/** Truncated to 128 bits: plenty against forgery, and a link carrying it stays short. */
const MAC_BYTES = 16;

/** A MAC spelling of 22 base64url characters, as `textMac` writes it. */
export const TEXT_MAC_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** The base64url MAC of `message` under `key` (a purpose key from `AuthService.derivedKey`). */
export function textMac(key: Buffer, message: string): string {
  return createHmac('sha256', key).update(message).digest().subarray(0, MAC_BYTES).toString('base64url');
}

/** Whether `given` is the MAC of `message`, compared in constant time. */
export function textMacMatches(key: Buffer, message: string, given: string): boolean {
  // Compared as text: base64url decoding ignores the last character's spare bits, so comparing decoded
  // bytes would accept several spellings of one MAC.
  const a = Buffer.from(given);
  const b = Buffer.from(textMac(key, message));
  return a.length === b.length && timingSafeEqual(a, b);
}
