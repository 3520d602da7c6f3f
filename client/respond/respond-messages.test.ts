import { describe, expect, it } from 'vitest';
import { respondMessages } from './respond-messages';

describe('respondent messages', () => {
  it('have the same non-empty keys in every locale', () => {
    const keys = Object.keys(respondMessages.en).sort();
    for (const catalog of Object.values(respondMessages)) {
      expect(Object.keys(catalog).sort()).toEqual(keys);
      for (const message of Object.values(catalog)) expect(message.trim()).not.toBe('');
    }
  });
});
