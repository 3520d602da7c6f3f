import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgedAt, versionInForce, type Dated } from './version-in-force';

const v = (version: number, effectiveFrom: string): Dated => ({ version, effectiveFrom });
const HISTORY = [v(1, '2026-03-01T00:00:00.000Z'), v(2, '2026-03-15T12:00:00.000Z'), v(3, '2026-04-01T00:00:00.000Z')];

describe('versionInForce', () => {
  it('picks the latest version already in effect, the boundary instant belonging to the new one', () => {
    expect(versionInForce(HISTORY, new Date('2026-03-10T00:00:00Z'))?.version).toBe(1);
    expect(versionInForce(HISTORY, new Date('2026-03-15T11:59:59.999Z'))?.version).toBe(1);
    expect(versionInForce(HISTORY, new Date('2026-03-15T12:00:00.000Z'))?.version).toBe(2);
    expect(versionInForce(HISTORY, new Date('2027-01-01T00:00:00Z'))?.version).toBe(3);
  });

  it('lets the first version judge what came before it, and finds nothing without versions', () => {
    expect(versionInForce(HISTORY, new Date('2020-01-01T00:00:00Z'))?.version).toBe(1);
    expect(versionInForce([], new Date())).toBeNull();
  });

  it('does not depend on the order the versions are listed in', () => {
    expect(versionInForce([...HISTORY].reverse(), new Date('2026-03-20T00:00:00Z'))?.version).toBe(2);
  });

  it('property: the chosen version is in effect (or the first), and no later-numbered version is', () => {
    const history = fc
      .array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 12 })
      .map((gaps) => {
        let at = Date.UTC(2026, 0, 1);
        return gaps.map((gap, i) => v(i + 1, new Date((at += gap * 60_000)).toISOString()));
      });
    fc.assert(
      fc.property(history, fc.integer({ min: Date.UTC(2025, 11, 1), max: Date.UTC(2026, 2, 1) }), fc.boolean(), (versions, instant, shuffle) => {
        const listed = shuffle ? [...versions].reverse() : versions;
        const chosen = versionInForce(listed, new Date(instant));
        expect(chosen).not.toBeNull();
        const inEffect = versions.filter((x) => Date.parse(x.effectiveFrom) <= instant);
        if (inEffect.length === 0) expect(chosen?.version).toBe(1);
        else expect(chosen?.version).toBe(Math.max(...inEffect.map((x) => x.version)));
        // Monotone: a later instant never goes back to an older version.
        expect(versionInForce(listed, new Date(instant + 3_600_000))!.version).toBeGreaterThanOrEqual(chosen!.version);
      }),
    );
  });
});

describe('judgedAt', () => {
  const now = new Date('2026-03-20T10:00:00Z');
  it('judges a finished day at its last instant, today and all time at now', () => {
    expect(judgedAt('2026-03-14', now).toISOString()).toBe('2026-03-14T23:59:59.999Z');
    expect(judgedAt('2026-03-20', now)).toBe(now);
    expect(judgedAt('2026-03-31', now)).toBe(now);
    expect(judgedAt(undefined, now)).toBe(now);
  });
});
