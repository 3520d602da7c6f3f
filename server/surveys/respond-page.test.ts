import { describe, expect, it } from 'vitest';
import { scriptSafeJson } from './respond-page';

describe('scriptSafeJson', () => {
  it('cannot close or bend the <script> block it is embedded in, and parses back to the same value', () => {
    const value = { title: '</script><script>alert(1)</script><!-- \u2028', n: 1 };
    const text = scriptSafeJson(value);
    expect(text).not.toMatch(/<\/script|<!--|\u2028/i);
    expect(JSON.parse(text)).toEqual(value);
  });
});
