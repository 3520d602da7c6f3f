import { describe, expect, it } from 'vitest';
import { decodeFeatureKey, encodeFeatureKey, featureKeySchema } from './feature-key';

describe('feature keys', () => {
  it.each([
    ['live-chat', 'live-chat'],
    ['live.chat', 'live%2Echat'],
    ['$price', '%24price'],
    ['__proto__', '%5F%5Fproto%5F%5F'],
    ['Lieferung ü', 'Lieferung%20%C3%BC'],
    ['100%', '100%25'],
  ])('%s ↔ %s', (feature, key) => {
    expect(encodeFeatureKey(feature)).toBe(key);
    expect(featureKeySchema.safeParse(key).success).toBe(true);
    expect(decodeFeatureKey(key)).toBe(feature);
  });

  it('rejects ids that cannot be keys', () => {
    expect(encodeFeatureKey('')).toBeUndefined();
    expect(encodeFeatureKey('\uD800')).toBeUndefined();
    expect(encodeFeatureKey('x'.repeat(101))).toBeUndefined();
    expect(featureKeySchema.safeParse('a.b').success).toBe(false);
    expect(featureKeySchema.safeParse('$a').success).toBe(false);
  });
});
