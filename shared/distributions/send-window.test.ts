import { describe, expect, it } from 'vitest';
import { delayUntilWindow, isInsideWindow, isTimeZone, localMinuteOfDay, nextSendTime } from './send-window';

const at = (iso: string) => new Date(iso);

describe('send window', () => {
  const office = { from: '09:00', to: '18:00', timezone: 'Europe/Berlin' };

  it('sends at once inside the window', () => {
    const now = at('2025-06-10T10:15:30Z'); // 12:15 in Berlin (CEST)
    expect(isInsideWindow(now, office)).toBe(true);
    expect(nextSendTime(now, office)).toEqual(now);
    expect(delayUntilWindow(now, office)).toBe(0);
    expect(delayUntilWindow(now, null)).toBe(0);
  });

  it('waits for the opening later the same day, and the next day after closing', () => {
    expect(nextSendTime(at('2025-06-10T04:00:00Z'), office)).toEqual(at('2025-06-10T07:00:00Z'));
    expect(nextSendTime(at('2025-06-10T16:00:00Z'), office)).toEqual(at('2025-06-11T07:00:00Z'));
    // `to` is exclusive: 18:00 local is closed.
    expect(nextSendTime(at('2025-06-10T16:00:00Z'), office)).not.toEqual(at('2025-06-10T16:00:00Z'));
    expect(delayUntilWindow(at('2025-06-10T06:59:30Z'), office)).toBe(30_000);
  });

  it('reads the window in its own zone (winter offset, Shanghai, New York)', () => {
    expect(nextSendTime(at('2025-01-10T17:30:00Z'), office)).toEqual(at('2025-01-11T08:00:00Z'));
    expect(nextSendTime(at('2025-06-10T12:00:00Z'), { from: '09:00', to: '17:00', timezone: 'Asia/Shanghai' })).toEqual(at('2025-06-11T01:00:00Z'));
    expect(nextSendTime(at('2025-06-10T12:00:00Z'), { from: '09:00', to: '12:00', timezone: 'America/New_York' })).toEqual(at('2025-06-10T13:00:00Z'));
  });

  it('handles a window spanning midnight', () => {
    const night = { from: '22:00', to: '06:00', timezone: 'UTC' };
    expect(isInsideWindow(at('2025-06-10T23:30:00Z'), night)).toBe(true);
    expect(isInsideWindow(at('2025-06-10T05:59:00Z'), night)).toBe(true);
    expect(nextSendTime(at('2025-06-10T06:00:00Z'), night)).toEqual(at('2025-06-10T22:00:00Z'));
  });

  it('opens when spring-forward skips the opening time', () => {
    // 2025-03-30 in Berlin: 02:00 CET jumps to 03:00 CEST at 01:00 UTC; 02:30 never happens.
    const early = { from: '02:30', to: '05:00', timezone: 'Europe/Berlin' };
    expect(nextSendTime(at('2025-03-29T23:00:00Z'), early)).toEqual(at('2025-03-30T01:00:00Z'));
    expect(localMinuteOfDay(at('2025-03-30T01:00:00Z'), 'Europe/Berlin')).toBe(180);
    // The 09:00 opening that day is at 07:00 UTC, the day before at 08:00 UTC.
    expect(nextSendTime(at('2025-03-29T20:00:00Z'), office)).toEqual(at('2025-03-30T07:00:00Z'));
  });

  it('opens at the first of the two 02:30s when autumn repeats an hour', () => {
    // 2025-10-26 in Berlin: 03:00 CEST falls back to 02:00 CET at 01:00 UTC; 02:30 happens twice.
    const early = { from: '02:30', to: '02:45', timezone: 'Europe/Berlin' };
    expect(nextSendTime(at('2025-10-25T22:00:00Z'), early)).toEqual(at('2025-10-26T00:30:00Z'));
    // After the first 02:30–02:45 has passed, the repeated hour opens again.
    expect(nextSendTime(at('2025-10-26T00:50:00Z'), early)).toEqual(at('2025-10-26T01:30:00Z'));
    expect(nextSendTime(at('2025-10-25T20:00:00Z'), office)).toEqual(at('2025-10-26T08:00:00Z'));
  });

  it('knows IANA zone names', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
