import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autoCloseDue, lastResolvedAt } from './auto-close';

const at = (iso: string) => new Date(iso);
const resolvedOn = (iso: string) => ({ at: at(iso), kind: 'moved', data: { move: 'resolve', from: 'investigating', to: 'resolved' } });
const timeline = [
  { at: at('2026-03-01T09:00:00Z'), kind: 'opened', data: {} },
  resolvedOn('2026-03-02T09:00:00Z'),
  { at: at('2026-03-03T09:00:00Z'), kind: 'moved', data: { move: 'reopen', from: 'resolved', to: 'investigating' } },
  resolvedOn('2026-03-05T12:00:00Z'),
  { at: at('2026-03-06T09:00:00Z'), kind: 'note', data: { text: 'x' } },
];

describe('auto-close of resolved cases', () => {
  it('counts from the latest resolution, in calendar days', () => {
    expect(lastResolvedAt(timeline)).toEqual(at('2026-03-05T12:00:00Z'));
    expect(autoCloseDue('resolved', timeline, 7, at('2026-03-12T11:59:59Z'))).toBe(false);
    expect(autoCloseDue('resolved', timeline, 7, at('2026-03-12T12:00:00Z'))).toBe(true);
  });

  it('never closes when off, when not resolved, or without a resolution', () => {
    const later = at('2027-01-01T00:00:00Z');
    expect(autoCloseDue('resolved', timeline, 0, later)).toBe(false);
    for (const status of ['investigating', 'closed', 'waiting-on-customer']) expect(autoCloseDue(status, timeline, 7, later)).toBe(false);
    expect(autoCloseDue('resolved', timeline.slice(0, 1), 7, later)).toBe(false);
  });

  it('is monotonic: once due, due at every later instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 90 * 86_400_000 }), fc.integer({ min: 0, max: 90 * 86_400_000 }), (days, a, b) => {
        const resolved = at('2026-03-05T12:00:00Z').getTime();
        const [early, late] = [Math.min(a, b), Math.max(a, b)].map((d) => new Date(resolved + d));
        if (autoCloseDue('resolved', timeline, days, early!)) expect(autoCloseDue('resolved', timeline, days, late!)).toBe(true);
        expect(autoCloseDue('resolved', timeline, days, new Date(resolved + days * 86_400_000))).toBe(true);
      }),
    );
  });
});
