import { describe, expect, it } from 'vitest';
import { readKioskCredential } from './kiosk-link';

describe('readKioskCredential', () => {
  const credential = 'a'.repeat(20) + '_-' + 'B'.repeat(21);
  it('reads the credential from the fragment', () => {
    expect(readKioskCredential(`#kiosk=${credential}`)).toBe(credential);
  });
  it('is null on a customer link and empty for a malformed credential', () => {
    expect(readKioskCredential('')).toBeNull();
    expect(readKioskCredential('#section-2')).toBeNull();
    expect(readKioskCredential('#kiosk=short')).toBe('');
  });
});
