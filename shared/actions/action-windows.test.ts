import { describe, expect, it } from 'vitest';
import { actionWindows, checkWindowClosed } from './action-windows';

describe('actionWindows', () => {
  const windows = actionWindows('2026-03-01', '2026-03-10', 30, 14);

  it('puts the baseline before the start and the check after completion, leaving out the do days', () => {
    expect(windows.baseline).toEqual({ from: '2026-01-30', to: '2026-02-28' });
    expect(windows.check).toEqual({ from: '2026-03-11', to: '2026-03-24' });
    expect(windows.closesOn).toBe('2026-03-25');
  });

  it('closes when the last check day is over in UTC, by the clock passed in', () => {
    expect(checkWindowClosed(windows, new Date('2026-03-24T23:59:59Z'))).toBe(false);
    expect(checkWindowClosed(windows, new Date('2026-03-25T00:00:00Z'))).toBe(true);
  });
});
