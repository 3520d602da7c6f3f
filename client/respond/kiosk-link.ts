import { KIOSK_CREDENTIAL_PATTERN, KIOSK_FRAGMENT_KEY } from '@shared/channels/kiosk-constants';

/**
 * The device credential of a kiosk link (`#kiosk=...`), or null on a customer's own link. A value of the
 * wrong shape still counts as a kiosk link, so the tablet says it is not set up rather than passing for
 * a customer's page whose drafts would carry answers from one customer to the next.
 */
export function readKioskCredential(hash: string): string | null {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get(KIOSK_FRAGMENT_KEY);
  if (value === null) return null;
  return KIOSK_CREDENTIAL_PATTERN.test(value) ? value : '';
}
