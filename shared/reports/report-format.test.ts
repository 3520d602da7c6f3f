import { describe, expect, it } from 'vitest';
import { durationText, humanDuration, moverNumbers, percentText, scoreOf, scoreTexts, shareText, withInterval } from './report-format';

describe('humanDuration', () => {
  it('picks the unit by size, switching at 90 s, 90 min and 36 h', () => {
    expect([45, 89.9, 90, 12 * 60, 90 * 60 - 1, 90 * 60, 3.5 * 3600, 36 * 3600 - 1, 36 * 3600, 2.1 * 86400].map(humanDuration)).toEqual([
      '45.0 s', '89.9 s', '1.5 min', '12.0 min', '90.0 min', '1.5 h', '3.5 h', '36.0 h', '1.5 d', '2.1 d',
    ]);
  });

  it('writes scores with their intervals, rates, shares and movers as the email and the page show them', () => {
    expect(withInterval(3.6, [3.444, 3.756], 2)).toBe('3.60 (3.44–3.76)');
    expect(withInterval(42, null)).toBe('42.0');
    const csat = { mean: 3.6, meanCi95: [3.444, 3.756] as [number, number] };
    expect(scoreTexts({ csat, nps: { score: -12, ci95: [-30.04, 6] }, ces: null } as never)).toEqual({ csat: '3.60 (3.44–3.76)', nps: '-12.0 (-30.0–6.0)', ces: null });
    expect(scoreOf({ csat, nps: null, ces: null } as never, 'csat')).toEqual({ value: 3.6, interval: [3.444, 3.756], digits: 2 });
    expect(scoreOf({ csat, nps: null, ces: null } as never, 'nps')).toBeNull();
    expect([percentText({ pct: 91.66 }), percentText(null), shareText(0.2142)]).toEqual(['91.7%', '–', '21.4%']);
    expect([durationText(720), durationText(null), durationText(undefined)]).toEqual(['12.0 min', '–', '–']);
    expect(moverNumbers({ delta: 12, pValue: 0.0123 })).toEqual({ delta: '+12.0', p: '0.012' });
    expect(moverNumbers({ delta: -3.25, pValue: null })).toEqual({ delta: '-3.3', p: '1.000' });
  });
});
