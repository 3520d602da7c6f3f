import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url (43 characters): a bearer secret such as a personal-link token or a kiosk credential. */
export function newRandomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Such tokens carry 256 random bits, so a plain SHA-256 is enough to keep the stored value useless. */
export function hashRandomToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
