import { describe, expect, it } from 'vitest';
import { DEFAULT_INDEX_WEIGHTS } from './composite-index';
import { scoresFromStats } from './metrics';
import { emptyStats } from './rollup-stats';
import type { RollupStats } from './rollup-stats';
import { touchpointTargetSchema } from '../touchpoints/touchpoint.schema';
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
    expect(checkTargets({ 'csat-satisfied': 85 }, scores)).toEqual([
      { metric: 'csat-satisfied', target: 85, value: null, n: 0, minN: 30, status: 'no-data' },
    ]);
  });

  it('leaves out targets that are not set', () => {
    expect(checkTargets({ minN: 5 }, scoresFromStats(npsStats(5, 5, 5), DEFAULT_INDEX_WEIGHTS))).toEqual([]);
  });

  it('takes targets under the metrics API keys and refuses the former camelCase keys by name', () => {
    expect(touchpointTargetSchema.parse({ csat: 4.2, 'csat-satisfied': 85, 'servqual-gap': -0.5 })).toEqual({ csat: 4.2, 'csat-satisfied': 85, 'servqual-gap': -0.5 });
    const result = touchpointTargetSchema.safeParse({ nps: 10, csatMean: 4.2, servqualGap: 0 });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((issue) => issue.message) ?? [];
    expect(messages).toContain('target "csatMean" is now "csat"');
    expect(messages).toContain('target "servqualGap" is now "servqual-gap"');
  });
});
