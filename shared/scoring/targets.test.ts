import { describe, expect, it } from 'vitest';
import { DEFAULT_INDEX_WEIGHTS } from './composite-index';
import { scoresFromStats } from './metrics';
import { emptyStats } from './rollup-stats';
import type { RollupStats } from './rollup-stats';
import { checkTargets } from './targets';

function npsStats(promoters: number, passives: number, detractors: number): RollupStats {
  const stats = emptyStats();
  stats.responses = promoters + passives + detractors;
  stats.nps = { n: stats.responses, promoters, passives, detractors };
  return stats;
}

describe('checkTargets', () => {
  it('meets a target at exactly the threshold and misses below it', () => {
    const scores = scoresFromStats(npsStats(50, 20, 30), DEFAULT_INDEX_WEIGHTS); // NPS 20
    expect(checkTargets({ nps: 20 }, scores)).toEqual([{ metric: 'nps', target: 20, value: 20, n: 100, minN: 30, status: 'met' }]);
    expect(checkTargets({ nps: 21 }, scores)[0]?.status).toBe('missed');
  });

  it('gives no verdict under minN and reports metrics nobody answered', () => {
    const scores = scoresFromStats(npsStats(1, 0, 9), DEFAULT_INDEX_WEIGHTS); // NPS -80 on 10
    expect(checkTargets({ nps: 0, minN: 20 }, scores)[0]?.status).toBe('insufficient');
    expect(checkTargets({ nps: 0, minN: 10 }, scores)[0]?.status).toBe('missed');
    expect(checkTargets({ csatSatisfiedPct: 85 }, scores)).toEqual([
      { metric: 'csatSatisfiedPct', target: 85, value: null, n: 0, minN: 30, status: 'no-data' },
    ]);
  });

  it('leaves out targets that are not set', () => {
    expect(checkTargets({ minN: 5 }, scoresFromStats(npsStats(5, 5, 5), DEFAULT_INDEX_WEIGHTS))).toEqual([]);
  });
});
