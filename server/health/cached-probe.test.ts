import { describe, expect, it } from 'vitest';
import { cachedProbe } from './health.routes';

describe('cached mail probe', () => {
  it('checks at most once per period, shares a check in flight, and checks afresh when asked', async () => {
    let now = 0;
    let checks = 0;
    const probe = cachedProbe(async () => ({ status: 'up' as const, embedded: false, n: ++checks }), 60_000, () => now);
    await Promise.all([probe(), probe(), probe()]);
    expect(checks).toBe(1);
    now = 59_999;
    await probe();
    expect(checks).toBe(1);
    now = 60_000;
    await probe();
    expect(checks).toBe(2);
    await probe(true);
    expect(checks).toBe(3);
  });
});
