import { describe, expect, it } from 'vitest';
import { redactUrl } from './redact-url';

describe('redactUrl', () => {
  it.each([
    ['/u/abcDEF123_-', '/u/[redacted]'],
    ['/u/abcDEF123/unsubscribe?x=1', '/u/[redacted]/unsubscribe?x=1'],
    ['/s/visit?t=secret-token&lang=de', '/s/visit?t=[redacted]&lang=de'],
    ['/api/unsubscribe?lang=de&t=secret', '/api/unsubscribe?lang=de&t=[redacted]'],
  ])('hides the token in %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
  it('leaves other URLs alone', () => {
    expect(redactUrl('/api/metrics/trend?survey=1&to=2025-01-01')).toBe('/api/metrics/trend?survey=1&to=2025-01-01');
  });
});
